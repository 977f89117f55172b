import { describe, expect, it } from 'vitest';
import { formatBytes, formatSliceExtent, formatTB } from './bytes';
import { plural } from './count';
import { formatDuration, formatShortTimestamp, formatTimeOnDay, formatTimestamp } from './time';

describe('formatBytes', () => {
  it('uses the largest decimal unit the value reaches, with one decimal', () => {
    expect(formatBytes(100_931_731_456)).toBe('100.9 GB');
    expect(formatBytes(12_000_000_000_000)).toBe('12.0 TB');
    expect(formatBytes(44_797_440_000_000)).toBe('44.8 TB');
    expect(formatBytes(1_395_776_400_000_000_000)).toBe('1.4 EB');
    expect(formatBytes(1_293_317e12)).toBe('1.3 EB');
    expect(formatBytes(512)).toBe('512 B');
  });

  it('counts in TB at least when asked, then PB and EB', () => {
    expect(formatBytes(3.84e12, 'TB')).toBe('3.8 TB');
    expect(formatBytes(480e9, 'TB')).toBe('0.5 TB');
    expect(formatBytes(999.9e12, 'TB')).toBe('999.9 TB');
    expect(formatBytes(1e15, 'TB')).toBe('1.0 PB');
    expect(formatBytes(4_608e15, 'TB')).toBe('4.6 EB');
    expect(formatBytes(0, 'TB')).toBe('0 TB');
  });

  it('moves up a unit when rounding reaches 1000', () => {
    expect(formatBytes(999.96e12, 'TB')).toBe('1.0 PB');
    expect(formatBytes(999_960_000)).toBe('1.0 GB');
  });

  it('stays in EB beyond it', () => {
    expect(formatBytes(2_500e18)).toBe('2,500.0 EB');
  });

  it('writes slice extents in GiB', () => {
    expect(formatSliceExtent({ offsetGiB: 120, sizeGiB: 94 })).toBe('GiB 120–214 (94 GiB)');
  });
});

describe('formatTB and plural', () => {
  it('formats capacity in decimal terabytes', () => {
    expect(formatTB(16_000_000_000_000)).toBe('16 TB');
    expect(formatTB(3_840_000_000_000)).toBe('3.84 TB');
    expect(formatTB(44_797_440_000_000)).toBe('44.8 TB');
    expect(formatTB(1_395_776_400_000_000_000)).toBe('1,395,776 TB');
    expect(plural(1, 'drive')).toBe('1 drive');
    expect(plural(100_000, 'drive')).toBe('100,000 drives');
  });
});

describe('time', () => {
  it('formats timestamps in UTC', () => {
    expect(formatTimestamp('2025-06-01T14:03:12.345Z')).toBe('2025-06-01 14:03 UTC');
    expect(formatTimestamp('2025-06-01T16:03:12+02:00', true)).toBe('2025-06-01 14:03:12 UTC');
    expect(formatTimestamp('not a date')).toBe('not a date');
    expect(formatShortTimestamp('2025-06-01T14:03:12.345Z')).toBe('2025-06-01 14:03');
    expect(formatShortTimestamp('2025-06-01T16:03:12+02:00')).toBe('2025-06-01 14:03');
    expect(formatShortTimestamp('2025-06-01T14:03:12.345Z', true)).toBe('2025-06-01 14:03:12');
    expect(formatShortTimestamp('2025-06-01T16:03:12+02:00', true)).toBe('2025-06-01 14:03:12');
  });

  it('drops the date of a time on the same UTC day as another', () => {
    expect(formatTimeOnDay('2026-12-03T14:05:00.000Z', '2026-12-03T13:25:10.000Z')).toBe('14:05 UTC');
    expect(formatTimeOnDay('2026-12-04T00:10:00.000Z', '2026-12-03T23:50:00.000Z')).toBe(
      '2026-12-04 00:10 UTC',
    );
    // Days are UTC days, whatever the offset the time is written with.
    expect(formatTimeOnDay('2026-12-04T01:00:00+02:00', '2026-12-03T09:00:00Z')).toBe('23:00 UTC');
    expect(formatTimeOnDay('not a date', '2026-12-03T09:00:00Z')).toBe('not a date');
    expect(formatTimeOnDay('2026-12-03T14:05:00Z', 'not a date')).toBe('2026-12-03 14:05 UTC');
  });

  it('formats durations', () => {
    expect(formatDuration(40_000)).toBe('40 s');
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration(125 * 60_000)).toBe('2 h 5 min');
    expect(formatDuration(76 * 3_600_000)).toBe('3 d 4 h');
  });
});
