import type { Volume } from '@drivebay/api-types';
import { fail, ok, type Result } from '../types.js';

/** What rebuild calls add to the decision context: the copy rate the rebuild scheduler grants. */
export interface RebuildRate {
  /** Bytes copied per second onto each rebuilding member. */
  bytesPerSecond: number;
}

/**
 * Bytes a rebuild copies onto a member: its set's share of the volume's usable capacity. A
 * mirror resync copies what the array uses, not the spare room of a larger replacement.
 */
export function bytesToCopy(volume: Volume): number {
  const sets = new Set(volume.members.map((m) => m.set)).size;
  return volume.capacityBytes / sets;
}

/** Rejects a rate that cannot move a rebuild forward. */
export function checkRate(bytesPerSecond: number): Result<number> {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0)
    return fail(
      'INVALID_ARGUMENT',
      `bytesPerSecond must be a positive number, not ${bytesPerSecond}`,
      'bytesPerSecond',
    );
  return ok(bytesPerSecond);
}

/** When a rebuild with `progress` done of `bytes` finishes at `bytesPerSecond`, from `now`. */
export function etaFor(now: string, progress: number, bytes: number, bytesPerSecond: number): string {
  const remainingMs = Math.ceil(((1 - progress) * bytes * 1000) / bytesPerSecond);
  return new Date(Date.parse(now) + remainingMs).toISOString();
}

/** Rates for event messages, in decimal units like drive datasheets. */
export function formatRate(bytesPerSecond: number): string {
  return bytesPerSecond >= 1e9
    ? `${(bytesPerSecond / 1e9).toFixed(1)} GB/s`
    : `${Math.round(bytesPerSecond / 1e6)} MB/s`;
}
