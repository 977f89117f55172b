import { describe, expect, it } from 'vitest';
import { isoToUtcText, utcTextToIso } from './utcText';

describe('utcTextToIso', () => {
  it('starts "since" and ends "until" with the day, minute or second typed', () => {
    expect(utcTextToIso('2026-12-01', 'since')).toBe('2026-12-01T00:00:00.000Z');
    expect(utcTextToIso('2026-12-01', 'until')).toBe('2026-12-01T23:59:59.999Z');
    expect(utcTextToIso(' 2026-12-01 03:05 ', 'until')).toBe('2026-12-01T03:05:59.999Z');
    expect(utcTextToIso('2026-12-01T03:05:09Z', 'since')).toBe('2026-12-01T03:05:09.000Z');
  });

  it('reads a time copied from a timeline row, and keeps that row inside the range', () => {
    const at = '2026-12-01T22:33:52.123Z';
    const since = utcTextToIso('2026-12-01 22:33:52 UTC', 'since') ?? '';
    const until = utcTextToIso('2026-12-01 22:33:52 UTC', 'until') ?? '';
    expect(since <= at && at <= until).toBe(true);
  });

  it('tells empty from unreadable', () => {
    expect(utcTextToIso('  ', 'since')).toBeUndefined();
    expect(utcTextToIso('yesterday', 'since')).toBeNull();
    expect(utcTextToIso('2026-02-30', 'since')).toBeNull();
    expect(utcTextToIso('2026-12-01 25:00', 'since')).toBeNull();
  });
});

describe('isoToUtcText', () => {
  it('shows minutes, or seconds when the bound is not a whole minute', () => {
    expect(isoToUtcText('2026-12-01T03:05:00.000Z', 'since')).toBe('2026-12-01 03:05');
    expect(isoToUtcText('2026-12-01T03:05:59.999Z', 'until')).toBe('2026-12-01 03:05');
    expect(isoToUtcText('2026-12-01T03:05:09.000Z', 'since')).toBe('2026-12-01 03:05:09');
    expect(isoToUtcText(undefined, 'until')).toBe('');
  });
});
