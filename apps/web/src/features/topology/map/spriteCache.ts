import type { Drive } from '@drivebay/api-types';
import { BAY_PITCH } from '../layout/geometry';
import type { EnclosureBox } from '../layout/layoutTypes';
import { enclosureSlots, type TopologyModel } from '../model/topologyModel';
import { paintBays } from './paintBays';
import type { CanvasPalette } from './palette';
import { spriteHasMarkers } from './spriteScale';

/** One enclosure's bay grid painted at one resolution, and what it was painted from. */
export interface Sprite {
  readonly image: OffscreenCanvas;
  readonly scale: number;
  readonly members: readonly number[];
  readonly drives: readonly (Drive | undefined)[];
  readonly bayCount: number;
  readonly columns: number;
}

const DEFAULT_BUDGET_PIXELS = 24_000_000;

/**
 * Bay grids painted once and reused every frame: a frame then costs one drawImage per
 * enclosure instead of one rectangle per drive. A sprite is current while its enclosure's
 * member list and every member's drive record are the very objects it was painted from;
 * the reducer replaces a drive record on change, so a reference check per drive suffices.
 */
export class SpriteCache {
  readonly #sprites = new Map<string, Map<number, Sprite>>();
  readonly #budget: number;
  #pixels = 0;
  #palette: CanvasPalette | null = null;

  constructor(budgetPixels = DEFAULT_BUDGET_PIXELS) {
    this.#budget = budgetPixels;
  }

  /** The current sprite at `scale`, if one is cached. */
  current(
    model: TopologyModel,
    box: EnclosureBox,
    scale: number,
    palette: CanvasPalette,
  ): Sprite | undefined {
    this.#checkPalette(palette);
    const sprite = this.#sprites.get(box.id)?.get(scale);
    return sprite && isCurrent(sprite, model, box) ? sprite : undefined;
  }

  /** Any current sprite of the enclosure at another scale, to show while the right one is painted. */
  fallback(model: TopologyModel, box: EnclosureBox): Sprite | undefined {
    for (const sprite of this.#sprites.get(box.id)?.values() ?? [])
      if (isCurrent(sprite, model, box)) return sprite;
    return undefined;
  }

  /** Paints (or repaints) the sprite at `scale`. */
  paint(model: TopologyModel, box: EnclosureBox, scale: number, palette: CanvasPalette): Sprite {
    this.#checkPalette(palette);
    const width = Math.max(1, Math.ceil(box.columns * BAY_PITCH * scale));
    const height = Math.max(1, Math.ceil(box.rows * BAY_PITCH * scale));
    const image = new OffscreenCanvas(width, height);
    const ctx = image.getContext('2d');
    if (ctx) {
      ctx.setTransform(scale, 0, 0, scale, 0, 0);
      paintBays(ctx, model, box, 0, 0, palette, spriteHasMarkers(scale));
    }
    const members = enclosureSlots(model, box.id);
    const sprite: Sprite = {
      image,
      scale,
      members,
      drives: members.map((slot) => model.drives[slot]),
      bayCount: box.bayCount,
      columns: box.columns,
    };
    this.#store(box.id, sprite);
    return sprite;
  }

  #store(id: string, sprite: Sprite): void {
    const byScale = this.#sprites.get(id) ?? new Map<number, Sprite>();
    const old = byScale.get(sprite.scale);
    if (old) this.#pixels -= pixelsOf(old);
    byScale.set(sprite.scale, sprite);
    // Re-insert so Map order is least recently painted first, for eviction.
    this.#sprites.delete(id);
    this.#sprites.set(id, byScale);
    this.#pixels += pixelsOf(sprite);
    this.#evict(id);
  }

  #evict(keep: string): void {
    for (const [id, byScale] of this.#sprites) {
      if (this.#pixels <= this.#budget) return;
      if (id === keep) continue;
      for (const sprite of byScale.values()) this.#pixels -= pixelsOf(sprite);
      this.#sprites.delete(id);
    }
  }

  #checkPalette(palette: CanvasPalette): void {
    if (palette === this.#palette) return;
    this.#palette = palette;
    this.#sprites.clear();
    this.#pixels = 0;
  }
}

function isCurrent(sprite: Sprite, model: TopologyModel, box: EnclosureBox): boolean {
  if (sprite.bayCount !== box.bayCount || sprite.columns !== box.columns) return false;
  const members = enclosureSlots(model, box.id);
  if (members !== sprite.members) return false;
  const { drives } = model;
  for (let i = 0; i < members.length; i++) {
    if (drives[members[i] as number] !== sprite.drives[i]) return false;
  }
  return true;
}

function pixelsOf(sprite: Sprite): number {
  return sprite.image.width * sprite.image.height;
}
