import type { MetricSample } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { capacityRows, usedPercent } from './capacityRows';
import { historyRows, historySpan, tickLabel } from './historySeries';

const tier = (total: number, used: number, stranded: number) => ({
  drives: 1,
  totalBytes: total,
  usedBytes: used,
  freeBytes: total - used - stranded,
  strandedBytes: stranded,
});

describe('capacityRows', () => {
  it('gives every tier its shares, adding up to one, and an empty tier none', () => {
    const rows = capacityRows({ hdd: tier(100, 25, 5), ssdWhole: tier(0, 0, 0), ssdSliced: tier(10, 10, 0) });
    expect(rows.map((r) => r.name)).toEqual(['HDD', 'SSD (whole)', 'SSD (sliced)']);
    expect(rows[0]).toMatchObject({ usedShare: 0.25, freeShare: 0.7, strandedShare: 0.05 });
    expect(rows.map(usedPercent)).toEqual(['25% used', 'none', '100% used']);
    expect(usedPercent({ ...rows[2]!, capacity: tier(0, 0, 0) })).toBe('no SSD sliced yet');
  });
});

function sample(at: string, hddUsed: number, events = 0): MetricSample {
  const zero = { hdd: 0, ssdWhole: 0, ssdSliced: 0 };
  return {
    at,
    usedBytes: { ...zero, hdd: hddUsed },
    freeBytes: zero,
    volumes: 1,
    allocations: 2,
    eventsPerMinute: events,
  };
}

describe('historyRows', () => {
  it('turns samples into rows in TB, skipping unreadable times', () => {
    const history = {
      samples: [
        sample('2026-12-01T10:00:00Z', 4e12),
        sample('garbage', 1),
        sample('2026-12-01T13:00:00Z', 12.34e12, 5),
      ],
      recorded: 3,
      intervalSeconds: 60,
    };
    const rows = historyRows(history);
    expect(rows.map((r) => r.hddUsedTB)).toEqual([4, 12.3]);
    expect(rows[1]?.eventsPerMinute).toBe(5);
    expect(historySpan(history, rows)).toBe('over the last 3 h (3 samples, shown as 2 points)');
  });

  it('says so when nothing is recorded yet', () => {
    expect(historySpan({ samples: [], recorded: 0, intervalSeconds: 60 }, [])).toBe(
      'no samples recorded yet',
    );
  });

  it('labels ticks by time of day within a day, with the date beyond', () => {
    const newest = Date.parse('2026-12-02T12:00:00Z');
    expect(tickLabel(Date.parse('2026-12-02T09:30:00Z'), newest)).toBe('09:30');
    expect(tickLabel(Date.parse('2026-11-30T09:30:00Z'), newest)).toBe('11-30 09:30');
  });
});
