import { describe, expect, it } from 'vitest';
import { spriteScaleFor } from './spriteScale';

describe('spriteScaleFor', () => {
  it('rounds up to a power of two so sprites only shrink', () => {
    expect(spriteScaleFor(0.17)).toBe(0.25);
    expect(spriteScaleFor(0.25)).toBe(0.25);
    expect(spriteScaleFor(0.3)).toBe(0.5);
    expect(spriteScaleFor(1.5)).toBe(2);
  });

  it('draws directly when zoomed in past the largest sprite', () => {
    expect(spriteScaleFor(2.01)).toBeUndefined();
  });

  it('has a floor for extreme zoom-out', () => {
    expect(spriteScaleFor(0.0001)).toBe(1 / 32);
  });
});
