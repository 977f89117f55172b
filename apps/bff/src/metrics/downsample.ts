import type { MetricSample } from '@drivebay/api-types';

type Tiered = MetricSample['usedBytes'];

/**
 * At most `points` samples: consecutive samples are grouped into equal buckets. Levels (bytes,
 * volume counts) are averaged, so a chart shows the trend; the event rate takes the bucket's
 * maximum, because a storm is exactly what an operator looks for and an average would hide it.
 * Each bucket is stamped with its last sample's time, so the newest point stays "now".
 */
export function downsample(samples: readonly MetricSample[], points: number): MetricSample[] {
  if (samples.length <= points) return [...samples];
  const out: MetricSample[] = [];
  for (let b = 0; b < points; b++) {
    const start = Math.floor((b * samples.length) / points);
    const end = Math.floor(((b + 1) * samples.length) / points);
    out.push(merge(samples.slice(start, end)));
  }
  return out;
}

function merge(bucket: readonly MetricSample[]): MetricSample {
  const n = bucket.length;
  const mean = (pick: (s: MetricSample) => number) => Math.round(bucket.reduce((t, s) => t + pick(s), 0) / n);
  const meanTiers = (pick: (s: MetricSample) => Tiered): Tiered => ({
    hdd: mean((s) => pick(s).hdd),
    ssdWhole: mean((s) => pick(s).ssdWhole),
    ssdSliced: mean((s) => pick(s).ssdSliced),
  });
  return {
    at: bucket[n - 1]?.at ?? '',
    usedBytes: meanTiers((s) => s.usedBytes),
    freeBytes: meanTiers((s) => s.freeBytes),
    volumes: mean((s) => s.volumes),
    allocations: mean((s) => s.allocations),
    eventsPerMinute: Math.max(...bucket.map((s) => s.eventsPerMinute)),
  };
}
