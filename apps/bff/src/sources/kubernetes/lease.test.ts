import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from '@drivebay/simulation/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/sqlite-store.js';
import type { StateStore } from '../../store/types.js';
import { removeDir } from '../../testing/test-app.js';
import { type LeaseHandle, LocalLease, leaseKey, type Schedule, StoreLease } from './lease.js';

const TTL = 200;
const dirs: string[] = [];
const stores: StateStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function openStore(): StateStore {
  const dir = mkdtempSync(join(tmpdir(), 'drivebay-lease-'));
  dirs.push(dir);
  const store = openSqliteStore({ path: join(dir, 'drivebay.sqlite') });
  stores.push(store);
  return store;
}

/** Time that moves only when the test says so. */
class ManualClock {
  private at = Date.parse('2026-11-22T10:00:00.000Z');
  now = () => new Date(this.at);
  advance(ms: number): void {
    this.at += ms;
  }
}

/** One replica's timers: tasks wait until the test fires them, so a replica can be stalled at will. */
class ManualTimers {
  private readonly tasks = new Set<() => Promise<void> | void>();
  private readonly waiters: (() => void)[] = [];

  schedule: Schedule = (_ms, task) => {
    this.tasks.add(task);
    for (const wake of this.waiters.splice(0)) wake();
    return () => this.tasks.delete(task);
  };

  get pending(): number {
    return this.tasks.size;
  }

  /** Resolves once some task is waiting (e.g. a replica has decided to wait and poll again). */
  async queued(): Promise<void> {
    if (this.tasks.size === 0) await new Promise<void>((wake) => this.waiters.push(wake));
  }

  /** Runs the tasks waiting now, not the ones they schedule, and awaits them. */
  async fire(): Promise<void> {
    const due = [...this.tasks];
    this.tasks.clear();
    for (const task of due) await task();
  }
}

function replica(store: StateStore, holder: string, clock: ManualClock) {
  const timers = new ManualTimers();
  const lease = new StoreLease({ store, holder, ttlMs: TTL, clock, schedule: timers.schedule });
  return { lease, timers };
}

/** The promise's outcome so far, without waiting for it. */
function watch<T>(promise: Promise<T>): { settled: () => boolean } {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { settled: () => settled };
}

async function holderOf(store: StateStore, cluster: string): Promise<unknown> {
  const entry = await store.get(leaseKey(cluster));
  return entry && (entry.value as { holder?: unknown }).holder;
}

describe('StoreLease', () => {
  it('grants the lease to one of two racing replicas; the other waits', async () => {
    const store = openStore();
    const clock = new ManualClock();
    const a = replica(store, 'replica-a', clock);
    const b = replica(store, 'replica-b', clock);
    const racing = [a.lease.acquire('prod'), b.lease.acquire('prod')].map((p) => ({ p, w: watch(p) }));
    await Promise.race(racing.map((r) => r.p));
    await Promise.all([a.timers.queued(), b.timers.queued()]);
    const granted = racing.filter((r) => r.w.settled());
    expect(granted).toHaveLength(1);
    const handle = await granted[0]!.p;
    expect(await holderOf(store, 'prod')).toBe(handle.holder);
    // Other clusters are separate leases.
    expect((await b.lease.acquire('staging')).holder).toBe('replica-b');
  });

  it('keeps a renewed lease past its ttl; a released one goes to the waiting replica', async () => {
    const store = openStore();
    const clock = new ManualClock();
    const a = replica(store, 'replica-a', clock);
    const b = replica(store, 'replica-b', clock);
    const held = await a.lease.acquire('prod');
    const waiting = b.lease.acquire('prod');
    const progress = watch(waiting);
    for (let i = 0; i < 6; i++) {
      clock.advance(TTL / 3);
      await a.timers.fire(); // renews
      await b.timers.queued();
      await b.timers.fire(); // polls: fresh, so waits again
      await b.timers.queued();
    }
    expect(progress.settled()).toBe(false);
    expect(await holderOf(store, 'prod')).toBe('replica-a');

    await held.release();
    expect(a.timers.pending).toBe(0);
    expect(await store.get(leaseKey('prod'))).toBeUndefined();
    await b.timers.fire();
    expect((await waiting).holder).toBe('replica-b');
    expect(await holderOf(store, 'prod')).toBe('replica-b');
  });

  it('lets another replica take over a stalled holder after its ttl; the stalled one then loses it', async () => {
    const store = openStore();
    const clock = new ManualClock();
    const a = replica(store, 'replica-a', clock);
    const b = replica(store, 'replica-b', clock);
    const stalled = await a.lease.acquire('prod');
    let lost = 0;
    stalled.onLost(() => lost++);
    const waiting = b.lease.acquire('prod');
    const progress = watch(waiting);
    await b.timers.queued();

    // replica-a's timers do not run (a crash, a long pause): its renewal is overdue.
    clock.advance(TTL);
    await b.timers.fire(); // exactly ttl since renewal: still fresh
    await b.timers.queued();
    expect(await holderOf(store, 'prod')).toBe('replica-a');
    expect(progress.settled()).toBe(false);
    clock.advance(1);
    await b.timers.fire();
    const taken = await waiting;
    expect(await holderOf(store, 'prod')).toBe('replica-b');

    expect(lost).toBe(0);
    await a.timers.fire(); // replica-a wakes up and tries to renew
    expect(lost).toBe(1);
    expect(a.timers.pending).toBe(0);
    expect(await holderOf(store, 'prod')).toBe('replica-b');
    let lateListener = false;
    stalled.onLost(() => (lateListener = true));
    await until(() => lateListener, 'a listener added after the loss');

    // The loser's release leaves the new holder's lease alone.
    await stalled.release();
    expect(await holderOf(store, 'prod')).toBe('replica-b');
    await taken.release();
    expect(await store.get(leaseKey('prod'))).toBeUndefined();
  });

  it('reports the lease lost when its key vanishes', async () => {
    const store = openStore();
    const clock = new ManualClock();
    const a = replica(store, 'replica-a', clock);
    const handle = await a.lease.acquire('prod');
    let lost = false;
    handle.onLost(() => (lost = true));
    await store.txn({ operations: [{ type: 'delete', key: leaseKey('prod') }] });
    await a.timers.fire();
    expect(lost).toBe(true);
    expect(await store.get(leaseKey('prod'))).toBeUndefined();
  });

  it('takes over a record it cannot read', async () => {
    const store = openStore();
    await store.txn({ operations: [{ type: 'put', key: leaseKey('prod'), value: { holder: 'x' } }] });
    const a = replica(store, 'replica-a', new ManualClock());
    expect((await a.lease.acquire('prod')).holder).toBe('replica-a');
  });

  it('stops waiting when the signal aborts, leaving no timer behind', async () => {
    const store = openStore();
    const clock = new ManualClock();
    const a = replica(store, 'replica-a', clock);
    const b = replica(store, 'replica-b', clock);
    await a.lease.acquire('prod');
    const abort = new AbortController();
    const waiting = b.lease.acquire('prod', abort.signal);
    await b.timers.queued();
    abort.abort(new Error('shutting down'));
    await expect(waiting).rejects.toThrow('shutting down');
    expect(b.timers.pending).toBe(0);
    await expect(b.lease.acquire('other', abort.signal)).rejects.toThrow('shutting down');
    expect(await store.get(leaseKey('other'))).toBeUndefined();
  });

  it('works on real, unref()ed timers: a released lease passes to the waiting replica', async () => {
    const store = openStore();
    const a = new StoreLease({ store, holder: 'replica-a', ttlMs: TTL });
    const b = new StoreLease({ store, holder: 'replica-b', ttlMs: TTL });
    const held = await a.acquire('prod');
    const waiting = b.acquire('prod');
    const progress = watch(waiting);
    // Let a few renewals and polls happen.
    const before = (await store.get(leaseKey('prod')))!.modRevision;
    let revision = before;
    const changes = store.watch(before, {
      onChanges: (changes) => (revision = changes.at(-1)?.revision ?? revision),
      onError: () => {},
    });
    await until(() => revision > before + 1, 'two renewals');
    changes.cancel();
    expect(await holderOf(store, 'prod')).toBe('replica-a');
    expect(progress.settled()).toBe(false);
    await held.release();
    const next: LeaseHandle = await waiting;
    expect(next.holder).toBe('replica-b');
    await next.release();
  });

  it('refuses a ttl too short to renew', () => {
    expect(() => new StoreLease({ store: openStore(), holder: 'a', ttlMs: 0 })).toThrow(RangeError);
  });
});

describe('LocalLease', () => {
  it('grants at once and releases without a store', async () => {
    const handle = await new LocalLease().acquire('prod');
    expect(handle.holder).toBe('local');
    await handle.release();
  });
});
