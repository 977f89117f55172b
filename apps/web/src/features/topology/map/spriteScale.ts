/** Largest device-pixels-per-world-unit drawn from sprites; closer in, bays are drawn directly. */
export const MAX_SPRITE_SCALE = 2;
const MIN_SPRITE_SCALE = 1 / 32;

/**
 * The sprite resolution for a device scale (CSS scale x pixel ratio): the next power of two
 * at or above it, so a sprite is only ever shrunk (by at most half) and stays sharp, and
 * zooming repaints sprites only when crossing a power of two. Undefined: draw directly.
 */
export function spriteScaleFor(deviceScale: number): number | undefined {
  if (deviceScale > MAX_SPRITE_SCALE) return undefined;
  const scale = 2 ** Math.ceil(Math.log2(Math.max(deviceScale, MIN_SPRITE_SCALE)));
  return Math.min(scale, MAX_SPRITE_SCALE);
}

/** Whether bays drawn at `scale` device px per unit are big enough for X / dot / dash markers. */
export function spriteHasMarkers(scale: number): boolean {
  return scale >= 0.7;
}
