/** An item and its relative weight, for weighted choices. */
export type Weighted<T> = readonly [item: T, weight: number];

/** A seeded, deterministic pseudo-random stream: the only randomness the composer may use. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An unsigned 32-bit integer. */
  uint32(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly; throws on an empty list. */
  pick<T>(items: readonly T[]): T;
  /** One item, with probability proportional to its weight. */
  weighted<T>(entries: readonly Weighted<T>[]): T;
  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent stream for one purpose, so that drawing more in one place does not shift another. */
  fork(label: string): Random;
}

/** FNV-1a hash of a string, for turning labels into seeds. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// splitmix32's finaliser: spreads nearby seeds (1, 2, 3 …) across the whole state space.
function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** A Random backed by sfc32, seeded from any number (integers above 2^32 keep their high bits). */
export function createRandom(seed: number): Random {
  const low = seed >>> 0;
  const high = Math.floor(seed / 2 ** 32) >>> 0;
  let a = mix32(low);
  let b = mix32(high ^ 0x6a09e667);
  let c = mix32(low ^ 0xbb67ae85);
  let d = 1;

  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) uint32();

  const next = (): number => uint32() / 2 ** 32;

  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[int(0, items.length - 1)]!;
  };

  const weighted = <T>(entries: readonly Weighted<T>[]): T => {
    const total = entries.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
    if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
    let target = next() * total;
    let last: T | undefined;
    for (const [item, weight] of entries) {
      if (weight <= 0) continue;
      if (target < weight) return item;
      target -= weight;
      last = item;
    }
    // Floating-point rounding can leave a sliver past the last bucket.
    return last as T;
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      const held = copy[i]!;
      copy[i] = copy[j]!;
      copy[j] = held;
    }
    return copy;
  };

  const fork = (label: string): Random => createRandom((uint32() ^ hashString(label)) >>> 0);

  return { next, uint32, int, chance: (p) => next() < p, pick, weighted, shuffle, fork };
}
