import type { MetricSample } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { downsample } from './downsample.js';

const tiers = (n: number) => ({ hdd: n, ssdWhole: 2 * n, ssdSliced: 3 * n });
function sample(i: number, events = 0): MetricSample {
  return {
    at: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString(),
    usedBytes: tiers(i),
    freeBytes: tiers(100 - i),
    volumes: i,
    allocations: 2 * i,
    eventsPerMinute: events,
  };
}

describe('downsample', () => {
  it('returns short series unchanged', () => {
    const series = [sample(0), sample(1)];
    expect(downsample(series, 10)).toEqual(series);
  });

  it('averages levels into at most `points` buckets stamped with their last time', () => {
    const series = Array.from({ length: 10 }, (_, i) => sample(i));
    const out = downsample(series, 5);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({
      at: sample(1).at,
      volumes: 1,
      usedBytes: { hdd: 1, ssdWhole: 1, ssdSliced: 2 },
    });
    expect(out.at(-1)?.at).toBe(sample(9).at);
  });

  it('keeps an event storm visible: the bucket maximum, not its mean', () => {
    const series = Array.from({ length: 1_000 }, (_, i) => sample(i % 60, i === 517 ? 6_000 : 1));
    const out = downsample(series, 100);
    expect(out).toHaveLength(100);
    expect(Math.max(...out.map((s) => s.eventsPerMinute))).toBe(6_000);
    expect(out.filter((s) => s.eventsPerMinute > 1)).toHaveLength(1);
  });
});
