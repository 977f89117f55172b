import { describe, expect, it } from 'vitest';
import { percent } from './percent';

describe('percent', () => {
  it('rounds to whole percent but never shows a sliver as 0% or a near-full SSD as 100%', () => {
    expect([0, 0.004, 0.2849, 0.995, 1].map(percent)).toEqual(['0%', '<1%', '28%', '99%', '100%']);
  });
});
