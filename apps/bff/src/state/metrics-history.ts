import type { MetricSample } from '@drivebay/api-types';
import type { TypedChange } from './collections.js';
import type { MirroredView } from './mirror.js';

/**
 * The recorded samples in memory, oldest first, kept current by the change feed (so every
 * replica answers the same history, whoever sampled). A week at one a minute is 10,080 small
 * records: reading them costs no store round trip.
 */
export class MetricsHistory implements MirroredView {
  private readonly byKey = new Map<string, MetricSample>();
  private sorted: MetricSample[] | undefined;

  mirror({ name, change }: TypedChange): void {
    if (name !== 'metrics') return;
    if (change.type === 'delete') this.byKey.delete(change.id);
    else this.byKey.set(change.id, change.value);
    this.sorted = undefined;
  }

  heldIds(): Iterable<string> {
    return this.byKey.keys();
  }

  /** Samples at or after `since` (ISO), oldest first. */
  since(since?: string): readonly MetricSample[] {
    this.sorted ??= [...this.byKey.values()].sort((a, b) => a.at.localeCompare(b.at));
    if (!since) return this.sorted;
    const from = this.sorted.findIndex((s) => s.at >= since);
    return from < 0 ? [] : this.sorted.slice(from);
  }

  /** Ids (ISO times) of the oldest samples beyond the newest `keep`. */
  idsBeyond(keep: number): string[] {
    const all = this.since();
    return all.slice(0, Math.max(0, all.length - keep)).map((sample) => sample.at);
  }
}
