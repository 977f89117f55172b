import { describe, expect, it } from 'vitest';
import { quantityBytes } from './quantity.js';

describe('quantities', () => {
  it('reads binary and decimal suffixes, and refuses what is not a quantity', () => {
    expect(quantityBytes('10Gi')).toBe(10 * 1024 ** 3);
    expect(quantityBytes('1.5Ti')).toBe(1.5 * 1024 ** 4);
    expect(quantityBytes('500M')).toBe(500e6);
    expect(quantityBytes('1024')).toBe(1024);
    expect(quantityBytes('1e3')).toBe(1000);
    expect(quantityBytes('ten')).toBeNull();
    expect(quantityBytes('5Xi')).toBeNull();
  });
});
