import { describe, expect, it } from 'vitest';
import { createRandom, hashString } from './random.js';

const SEEDS = [0, 1, 2, 42, 2 ** 32 + 1, -7, 123_456_789];

function draws(seed: number, count = 20): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.uint32());
}

describe('createRandom', () => {
  it('repeats the same stream for the same seed', () => {
    for (const seed of SEEDS) expect(draws(seed)).toEqual(draws(seed));
  });

  it('gives different streams for different seeds, including seeds past 2^32', () => {
    const streams = new Set(SEEDS.map((seed) => draws(seed).join(',')));
    expect(streams.size).toBe(SEEDS.length);
    expect(draws(1)).not.toEqual(draws(2 ** 32 + 1));
  });

  it('keeps next() in [0, 1) and int() within its inclusive bounds, reaching both ends', () => {
    for (const seed of SEEDS) {
      const random = createRandom(seed);
      const floats = Array.from({ length: 2000 }, () => random.next());
      const ints = Array.from({ length: 2000 }, () => random.int(-3, 3));
      expect(floats.every((x) => x >= 0 && x < 1)).toBe(true);
      expect(ints.every((n) => Number.isInteger(n) && n >= -3 && n <= 3)).toBe(true);
      expect(new Set(ints).size).toBe(7);
    }
  });

  it('rejects impossible ranges and empty lists', () => {
    const random = createRandom(1);
    expect(() => random.int(5, 4)).toThrow(RangeError);
    expect(() => random.int(0.5, 4)).toThrow(RangeError);
    expect(() => random.pick([])).toThrow(RangeError);
    expect(() => random.weighted([['a', 0]])).toThrow(RangeError);
  });

  it('picks by weight and never picks a zero-weight item', () => {
    const random = createRandom(9);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) {
      const key = random.weighted<keyof typeof counts>([
        ['a', 3],
        ['never', 0],
        ['b', 1],
      ]);
      counts[key] += 1;
    }
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
  });

  it('shuffles into a permutation without touching the input', () => {
    for (const seed of SEEDS) {
      const input = Array.from({ length: 50 }, (_, i) => i);
      const shuffled = createRandom(seed).shuffle(input);
      expect(input).toEqual(Array.from({ length: 50 }, (_, i) => i));
      expect([...shuffled].sort((a, b) => a - b)).toEqual(input);
      expect(shuffled).not.toEqual(input);
    }
  });

  it('forks deterministic streams that differ by label', () => {
    const a1 = createRandom(5).fork('a');
    const a2 = createRandom(5).fork('a');
    const b = createRandom(5).fork('b');
    const first = [a1.uint32(), a1.uint32()];
    expect([a2.uint32(), a2.uint32()]).toEqual(first);
    expect([b.uint32(), b.uint32()]).not.toEqual(first);
  });
});

describe('hashString', () => {
  it('is stable and spreads nearby strings', () => {
    expect(hashString('drive')).toBe(hashString('drive'));
    expect(hashString('drive-1')).not.toBe(hashString('drive-2'));
  });
});
