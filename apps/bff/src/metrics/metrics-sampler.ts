import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { deleteRecord, putRecord } from '../state/collections.js';
import type { MetricsHistory } from '../state/metrics-history.js';
import type { StoreWriter } from '../state/store-writer.js';
import { metricSample, type SiteState } from './site-figures.js';

export interface MetricsOptions {
  /** How often a sample is recorded. */
  intervalMs: number;
  /** Newest samples kept; older ones are deleted. */
  retain: number;
}

/** One a minute, a week of it: 10,080 points. */
export const defaultMetricsOptions: MetricsOptions = { intervalMs: 60_000, retain: 7 * 24 * 60 };

/**
 * Records the site's figures into the store on a timer, so the overview's charts survive a
 * restart and every replica draws the same history. Samples are history, not state: written
 * without compares, like the event retention, and pruned to `retain`.
 */
export class MetricsSampler {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly writer: StoreWriter,
    private readonly history: MetricsHistory,
    private readonly state: () => SiteState,
    private readonly clock: Clock,
    private readonly options: MetricsOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.sample().catch((error: unknown) =>
        this.log.warn('metrics sample failed', { error: String(error) }),
      );
    }, this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Records one sample now and prunes the oldest beyond the retention. */
  async sample(): Promise<void> {
    const previous = this.history.since().at(-1);
    const sample = metricSample(this.state(), this.clock.now(), previous?.at);
    if (previous && previous.at >= sample.at) return;
    const stale = this.history.idsBeyond(this.options.retain - 1);
    await this.writer.commit({
      operations: [
        putRecord('metrics', sample.at, sample),
        ...stale.map((at) => deleteRecord('metrics', at)),
      ],
    });
  }
}
