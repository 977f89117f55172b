import { type MetricSample, MetricSampleSchema } from '@drivebay/api-types';
import type { KeyFollower } from '../state/mirror.js';
import type { Change, StateStore } from '../store/types.js';

export const METRICS_PREFIX = 'metrics/';

/** Sample keys sort by time: the ISO timestamp is fixed-width. */
export const metricKey = (sample: MetricSample) => `${METRICS_PREFIX}${sample.at}`;

/**
 * The recorded samples in memory, oldest first, kept current by the change feed (so every
 * replica answers the same history, whoever sampled). A week at one a minute is 10,080 small
 * records: reading them costs no store round trip.
 */
export class MetricsHistory implements KeyFollower {
  readonly prefix = METRICS_PREFIX;
  private readonly byKey = new Map<string, MetricSample>();
  private sorted: MetricSample[] | undefined;

  /** Loads what the store holds; changes after that arrive through `apply`. */
  async load(store: StateStore): Promise<void> {
    const { entries } = await store.range(METRICS_PREFIX);
    for (const entry of entries) this.put(entry.key, entry.value);
  }

  apply(change: Change): void {
    if (change.type === 'delete') {
      this.byKey.delete(change.key);
      this.sorted = undefined;
    } else this.put(change.key, change.value);
  }

  /** Samples at or after `since` (ISO), oldest first. */
  since(since?: string): readonly MetricSample[] {
    this.sorted ??= [...this.byKey.values()].sort((a, b) => a.at.localeCompare(b.at));
    if (!since) return this.sorted;
    const from = this.sorted.findIndex((s) => s.at >= since);
    return from < 0 ? [] : this.sorted.slice(from);
  }

  /** Keys of the oldest samples beyond the newest `keep`. */
  keysBeyond(keep: number): string[] {
    const all = this.since();
    return all.slice(0, Math.max(0, all.length - keep)).map(metricKey);
  }

  private put(key: string, value: unknown): void {
    const parsed = MetricSampleSchema.safeParse(value);
    // A record that no longer fits the schema (written by an older version) is left out, not fatal.
    if (!parsed.success) return;
    this.byKey.set(key, parsed.data);
    this.sorted = undefined;
  }
}
