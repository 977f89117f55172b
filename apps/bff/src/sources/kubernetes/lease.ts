import { type Clock, systemClock } from '../../clock.js';
import { keyOf } from '../../state/collections.js';
import { type LeaseRecord, LeaseRecordSchema } from '../../state/records.js';
import { StoreWriter } from '../../state/store-writer.js';
import type { JsonValue, StateStore } from '../../store/types.js';

/** This replica's hold on one cluster's podwatcher. */
export interface LeaseHandle {
  readonly holder: string;
  /** Calls `listener` once when the lease is lost (at once if it already is); never after release(). */
  onLost(listener: () => void): void;
  release(): Promise<void>;
}

/** Who may run the podwatcher of a cluster: one holder at a time. */
export interface ClusterLease {
  /** Resolves once this replica holds the lease for `cluster`; waits (polling at the renew interval) while another holder's lease is fresh. */
  acquire(cluster: string, signal?: AbortSignal): Promise<LeaseHandle>;
}

/** Runs `task` after `ms` and returns a cancel function; injected so that tests can stall a replica. */
export type Schedule = (ms: number, task: () => Promise<void> | void) => () => void;

/** Real timers that never keep the process alive. */
export const unrefSchedule: Schedule = (ms, task) => {
  const timer = setTimeout(() => void task(), ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/** One process, nobody to share with: the lease is granted at once and never lost. */
export class LocalLease implements ClusterLease {
  constructor(private readonly holder = 'local') {}

  async acquire(_cluster: string, signal?: AbortSignal): Promise<LeaseHandle> {
    signal?.throwIfAborted();
    return { holder: this.holder, onLost: () => {}, release: async () => {} };
  }
}

export const leaseKey = (cluster: string) => keyOf('leases', `podwatcher/${cluster}`);

export interface StoreLeaseOptions {
  store: StateStore;
  /** Unique per replica, e.g. pod name and pid. */
  holder: string;
  /** A lease not renewed for this long may be taken by another replica; renewed every ttl/3. */
  ttlMs: number;
  clock?: Clock;
  schedule?: Schedule;
}

/** What a held lease needs from its StoreLease. */
interface LeasePort {
  store: Pick<StateStore, 'get'>;
  writer: StoreWriter;
  ttlMs: number;
  now(): number;
  /** The record this replica writes now. */
  record(): LeaseRecord;
  /** Runs `task` one renew interval from now. */
  later(task: () => Promise<void> | void): () => void;
}

/** Leases kept in the StateStore, taken and renewed by compare-and-swap on the key's mod revision. */
export class StoreLease implements ClusterLease {
  private readonly port: LeasePort;

  constructor(private readonly options: StoreLeaseOptions) {
    const { store, holder, ttlMs } = options;
    if (!Number.isInteger(ttlMs) || ttlMs < 3)
      throw new RangeError(`ttlMs must be an integer >= 3, got ${ttlMs}`);
    const clock = options.clock ?? systemClock;
    const schedule = options.schedule ?? unrefSchedule;
    const renewMs = Math.floor(ttlMs / 3);
    this.port = {
      store,
      writer: new StoreWriter(store),
      ttlMs,
      now: () => clock.now().getTime(),
      record: () => ({ holder, renewedAt: clock.now().toISOString(), ttlMs }),
      later: (task) => schedule(renewMs, task),
    };
  }

  async acquire(cluster: string, signal?: AbortSignal): Promise<LeaseHandle> {
    const key = leaseKey(cluster);
    for (;;) {
      signal?.throwIfAborted();
      const revision = await this.tryTake(key);
      if (revision !== undefined) {
        const handle = new StoreLeaseHandle(key, revision, this.options.holder, this.port);
        if (signal?.aborted) {
          await handle.release();
          signal.throwIfAborted();
        }
        handle.start();
        return handle;
      }
      await this.sleep(signal);
    }
  }

  /** The revision written when the lease was absent or expired and the CAS won; undefined otherwise. */
  private async tryTake(key: string): Promise<number | undefined> {
    const { store } = this.port;
    const entry = await store.get(key);
    if (entry && !this.expired(entry.value)) return undefined;
    const result = await this.port.writer.commit({
      compare: [{ key, modRevision: entry?.modRevision ?? 0 }],
      operations: [{ type: 'put', key, value: this.port.record() }],
    });
    return result.succeeded ? result.revision : undefined;
  }

  private expired(value: JsonValue): boolean {
    const parsed = LeaseRecordSchema.safeParse(value);
    // A record nobody can read cannot be honoured; leaving it would stop every podwatcher for good.
    if (!parsed.success) return true;
    return this.port.now() > Date.parse(parsed.data.renewedAt) + parsed.data.ttlMs;
  }

  private sleep(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const handleAbort = () => {
        cancel();
        reject(signal?.reason);
      };
      const cancel = this.port.later(() => {
        signal?.removeEventListener('abort', handleAbort);
        resolve();
      });
      signal?.addEventListener('abort', handleAbort, { once: true });
    });
  }
}

class StoreLeaseHandle implements LeaseHandle {
  private state: 'held' | 'lost' | 'released' = 'held';
  private readonly listeners: (() => void)[] = [];
  private cancelRenew: (() => void) | undefined;
  private renewing: Promise<void> = Promise.resolve();
  private renewedAt: number;

  constructor(
    private readonly key: string,
    private revision: number,
    readonly holder: string,
    private readonly port: LeasePort,
  ) {
    this.renewedAt = port.now();
  }

  start(): void {
    this.cancelRenew = this.port.later(() => {
      this.renewing = this.renew();
      return this.renewing;
    });
  }

  onLost(listener: () => void): void {
    if (this.state === 'lost') queueMicrotask(listener);
    else if (this.state === 'held') this.listeners.push(listener);
  }

  async release(): Promise<void> {
    if (this.state !== 'held') return;
    this.state = 'released';
    this.cancelRenew?.();
    await this.renewing;
    // Fails harmlessly when someone else holds the key by now.
    await this.port.writer.commit({
      compare: [{ key: this.key, modRevision: this.revision }],
      operations: [{ type: 'delete', key: this.key }],
    });
  }

  private async renew(): Promise<void> {
    if (this.state !== 'held') return;
    try {
      const result = await this.port.writer.commit({
        compare: [{ key: this.key, modRevision: this.revision }],
        operations: [{ type: 'put', key: this.key, value: this.port.record() }],
      });
      if (!result.succeeded) return this.lose();
      this.revision = result.revision;
      this.renewedAt = this.port.now();
    } catch {
      // The store is unreachable: the lease holds until its ttl runs out, then others may take it.
      if (this.port.now() > this.renewedAt + this.port.ttlMs) return this.lose();
    }
    if (this.state === 'held') this.start();
  }

  private lose(): void {
    if (this.state !== 'held') return;
    this.state = 'lost';
    for (const listener of this.listeners.splice(0)) listener();
  }
}
