import type { DomainEvent, Volume } from '@drivebay/api-types';
import { type AllocationIndex, advanceRebuilds, planReplacement, startRebuild } from '@drivebay/composer';
import type { Logger } from '../log.js';
import { putRecord } from '../state/collections.js';
import type { StoreMirror } from '../state/mirror.js';
import { allocationWrites } from './allocation-keys.js';
import { type Committer, type Decided, nothing } from './committer.js';

export interface RebuildOptions {
  /** Simulated copy rate per rebuilding member. */
  bytesPerSecond: number;
  /** How often rebuilds are started and advanced. */
  intervalMs: number;
}

/**
 * Starts rebuilds onto replacements that meet each volume's original constraints, and
 * advances their progress. A singleton: with several replicas it would run on the leader.
 */
export class RebuildScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly blocked = new Map<string, string>();

  constructor(
    private readonly committer: Committer,
    private readonly mirror: StoreMirror,
    private readonly allocations: AllocationIndex,
    private readonly options: RebuildOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass over the volumes that are not healthy; overlapping passes are skipped. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const unhealthy = [...this.mirror.volumes.volumes.values()].filter(needsWork).map((v) => v.id);
      for (const id of unhealthy)
        await this.committer.run('system:rebuild', (context) => this.decide(id, context));
    } catch (error) {
      this.log.warn('rebuild pass failed', { error: String(error) });
    } finally {
      this.running = false;
    }
  }

  private decide(id: string, context: Parameters<Parameters<Committer['run']>[1]>[0]): Decided<void> {
    const before = this.mirror.volumes.volumes.get(id);
    if (!before || !needsWork(before)) return nothing(undefined);
    const rate = { ...context, bytesPerSecond: this.options.bytesPerSecond };
    const events: DomainEvent[] = [];
    let volume = before;
    let changed = false;
    // One new replacement per pass: the allocation index learns of it only once it commits.
    const failed = volume.members.findIndex((m) => m.state === 'failed');
    if (failed >= 0) {
      const replacement = planReplacement(this.mirror.inventory, this.allocations, volume, failed);
      if (replacement.ok) {
        const started = startRebuild(volume, failed, replacement.value, rate);
        if (started.ok && started.value.changed) {
          volume = started.value.volume;
          changed = true;
          events.push(...started.value.events);
        }
      } else this.noteBlocked(id, replacement.error.message);
    }
    const advanced = advanceRebuilds(volume, rate);
    volume = advanced.volume;
    events.push(...advanced.events);
    if (!changed && !advanced.changed) return nothing(undefined);
    return {
      writes: [putRecord('volumes', id, volume), ...allocationWrites(this.mirror.volumes, before, volume)],
      events,
      result: undefined,
    };
  }

  /** Logs why a volume cannot be rebuilt, once per reason, instead of every pass. */
  private noteBlocked(id: string, reason: string): void {
    if (this.blocked.get(id) === reason) return;
    this.blocked.set(id, reason);
    this.log.warn('no replacement for a failed member', { volume: id, reason });
  }
}

function needsWork(volume: Volume): boolean {
  return volume.lifecycle !== 'Released' && volume.members.some((m) => m.state !== 'active');
}
