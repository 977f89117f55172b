import { describe, expect, it } from 'vitest';
import { withinWindow } from './time-window.js';

describe('withinWindow', () => {
  it('compares instants, not text: fractions of a second and offsets count', () => {
    expect(withinWindow('2026-12-01T10:00:52.123Z', '2026-12-01T10:00:52Z', undefined)).toBe(true);
    expect(withinWindow('2026-12-01T10:00:52.123Z', undefined, '2026-12-01T10:00:52Z')).toBe(false);
    expect(withinWindow('2026-12-01T10:00:00Z', '2026-12-01T11:00:00+02:00', undefined)).toBe(true);
    expect(withinWindow('2026-12-01T10:00:00Z', undefined, undefined)).toBe(true);
  });
});
