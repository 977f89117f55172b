import { afterEach, describe, expect, it } from 'vitest';
import {
  type Change,
  CompactedError,
  FutureRevisionError,
  type JsonValue,
  type Operation,
  type StateStore,
  type Watch,
} from './types.js';

/** One isolated store that can be opened, closed and opened again (a process restart). */
export interface StoreFixture {
  /** Opens the store; after close() it must open the same data again. */
  open(): Promise<StateStore>;
  /** Removes the store's data. The suite closes what it opened before calling this. */
  cleanup(): Promise<void>;
}

/**
 * Makes stores for the contract suite. Each fixture must be empty (revision 0) and private:
 * the suite counts revisions, so nothing else may write to it.
 */
export interface StoreFactory {
  fresh(): Promise<StoreFixture>;
}

/** The behaviour every StateStore implementation must show; run it from the implementation's test file. */
export function describeStateStoreContract(name: string, factory: StoreFactory): void {
  describe(`StateStore contract: ${name}`, () => {
    const open = trackFixtures(factory);
    describeEntries(open);
    describeTransactions(open);
    describeChangeFeed(open);
    describeWatch(open);
    describeRestart(open);
    describeCompaction(open);
  });
}

interface Opened {
  store: StateStore;
  /** Closes the store and opens the same data again, as a restarted process would. */
  reopen(): Promise<StateStore>;
}

type OpenStore = () => Promise<Opened>;

/** Hands out fresh stores and closes and removes every one of them after each test. */
function trackFixtures(factory: StoreFactory): OpenStore {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async () => {
    const fixture = await factory.fresh();
    const first = await fixture.open();
    const opened = [first];
    cleanups.push(async () => {
      for (const store of opened) await store.close();
      await fixture.cleanup();
    });
    return {
      store: first,
      reopen: async () => {
        for (const store of opened) await store.close();
        const next = await fixture.open();
        opened.push(next);
        return next;
      },
    };
  };
}

function put(key: string, value: JsonValue): Operation {
  return { type: 'put', key, value };
}

function del(key: string): Operation {
  return { type: 'delete', key };
}

/** Commits one put per transaction and returns the revision of the last one. */
async function putEach(store: StateStore, keys: string[]): Promise<number> {
  let revision = await store.revision();
  for (const key of keys) {
    const result = await store.txn({ operations: [put(key, key)] });
    revision = result.revision;
  }
  return revision;
}

function keysFrom(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
}

function revisions(changes: Change[]): number[] {
  return changes.map((change) => change.revision);
}

function sequence(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Polls until `ready` holds; watch delivery is asynchronous by contract. */
async function eventually(ready: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Lets pending deliveries run, so that a test can assert that nothing more arrives. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 30));
}

interface Recorder {
  watch: Watch;
  batches: Change[][];
  errors: Error[];
  changes(): Change[];
  /** Resolves once a change at `revision` or later has arrived. */
  until(revision: number): Promise<void>;
  /** Resolves with the first error once onError has been called. */
  failed(): Promise<Error | undefined>;
}

function record(store: StateStore, afterRevision: number, onBatch?: (batch: Change[]) => void): Recorder {
  const batches: Change[][] = [];
  const errors: Error[] = [];
  const changes = () => batches.flat();
  const watch = store.watch(afterRevision, {
    onChanges: (batch) => {
      batches.push(batch);
      onBatch?.(batch);
    },
    onError: (error) => errors.push(error),
  });
  return {
    watch,
    batches,
    errors,
    changes,
    until: (revision) =>
      eventually(() => (changes().at(-1)?.revision ?? 0) >= revision, `revision ${revision}`),
    failed: async () => {
      await eventually(() => errors.length > 0, 'a watch error');
      return errors[0];
    },
  };
}

/** Every transaction's changes arrive in one batch, and no batch is empty. */
function expectWholeTransactions(batches: Change[][]): void {
  const batchOf = new Map<number, number>();
  batches.forEach((batch, index) => {
    expect(batch.length).toBeGreaterThan(0);
    for (const change of batch) {
      expect(batchOf.get(change.revision) ?? index).toBe(index);
      batchOf.set(change.revision, index);
    }
  });
}

function expectCompacted(error: unknown, requested: number, compacted: number): void {
  expect(error).toBeInstanceOf(CompactedError);
  expect(error).toMatchObject({
    code: 'COMPACTED',
    requestedRevision: requested,
    compactedRevision: compacted,
  });
}

function expectFuture(error: unknown, requested: number, current: number): void {
  expect(error).toBeInstanceOf(FutureRevisionError);
  expect(error).toMatchObject({
    code: 'FUTURE_REVISION',
    requestedRevision: requested,
    currentRevision: current,
  });
}

function describeEntries(open: OpenStore): void {
  describe('entries', () => {
    it('starts empty at revision 0', async () => {
      const { store } = await open();
      expect(await store.revision()).toBe(0);
      expect(await store.compactedRevision()).toBe(0);
      expect(await store.get('a')).toBeUndefined();
      expect(await store.range('')).toEqual({ entries: [], revision: 0 });
    });

    it('tracks create revision, mod revision and version through put, overwrite, delete and re-create', async () => {
      const { store } = await open();
      expect(await store.txn({ operations: [put('drive/1', { health: 'ok' })] })).toEqual({
        succeeded: true,
        revision: 1,
      });
      expect(await store.get('drive/1')).toEqual({
        key: 'drive/1',
        value: { health: 'ok' },
        createRevision: 1,
        modRevision: 1,
        version: 1,
      });
      await store.txn({ operations: [put('other', 1)] });
      await store.txn({ operations: [put('drive/1', { health: 'failed' })] });
      expect(await store.get('drive/1')).toMatchObject({ createRevision: 1, modRevision: 3, version: 2 });
      expect(await store.txn({ operations: [del('drive/1')] })).toEqual({ succeeded: true, revision: 4 });
      expect(await store.get('drive/1')).toBeUndefined();
      await store.txn({ operations: [put('drive/1', { health: 'ok' })] });
      expect(await store.get('drive/1')).toMatchObject({ createRevision: 5, modRevision: 5, version: 1 });
    });

    it('round-trips JSON values and stores them by value', async () => {
      const { store } = await open();
      const value = { n: 1.5, s: 'héllo 😀', b: false, z: null, list: [1, 'two', { three: [] }] };
      await store.txn({ operations: [put('v', value), put('null', null), put('text', 'plain')] });
      value.list.push('mutated after commit');
      expect((await store.get('v'))?.value).toEqual({
        n: 1.5,
        s: 'héllo 😀',
        b: false,
        z: null,
        list: [1, 'two', { three: [] }],
      });
      expect((await store.get('null'))?.value).toBeNull();
      expect((await store.get('text'))?.value).toBe('plain');
    });

    it('ranges over a prefix in key order, excluding neighbouring keys', async () => {
      const { store } = await open();
      const inside = ['drives/a', 'drives/b/1', 'drives/b/2', 'drives/z'];
      const outside = ['drive', 'drives', 'drives0', 'drivesa', 'e', 'a'];
      for (const key of [...outside, ...inside].reverse()) await store.txn({ operations: [put(key, key)] });
      const { entries, revision } = await store.range('drives/');
      expect(entries.map((entry) => entry.key)).toEqual(inside);
      expect(entries.map((entry) => entry.value)).toEqual(inside);
      expect(revision).toBe(await store.revision());
      expect((await store.range('')).entries.map((entry) => entry.key)).toEqual(
        [...inside, ...outside].sort(),
      );
      expect((await store.range('nothing/')).entries).toEqual([]);
    });

    it('ranges over prefixes with non-ASCII characters', async () => {
      const { store } = await open();
      await store.txn({ operations: ['sé/1', 'sé/😀', 'sè/1', 'sé', 's😀'].map((key) => put(key, key)) });
      expect((await store.range('sé/')).entries.map((entry) => entry.key)).toEqual(['sé/1', 'sé/😀']);
      expect((await store.range('s😀')).entries.map((entry) => entry.key)).toEqual(['s😀']);
    });
  });
}

function describeTransactions(open: OpenStore): void {
  describe('transactions', () => {
    it('makes one revision per writing transaction, shared by all its keys', async () => {
      const { store } = await open();
      const result = await store.txn({ operations: [put('a', 1), put('b', 2), put('c', 3)] });
      expect(result).toEqual({ succeeded: true, revision: 1 });
      const { entries } = await store.range('');
      expect(entries.map((entry) => entry.modRevision)).toEqual([1, 1, 1]);
      expect(await store.txn({ operations: [put('a', 10), del('b')] })).toEqual({
        succeeded: true,
        revision: 2,
      });
      expect(await store.revision()).toBe(2);
    });

    it('writes nothing and keeps the revision for an empty transaction or a delete of an absent key', async () => {
      const { store } = await open();
      await store.txn({ operations: [put('a', 1)] });
      expect(await store.txn({ operations: [] })).toEqual({ succeeded: true, revision: 1 });
      expect(await store.txn({ operations: [del('absent')] })).toEqual({ succeeded: true, revision: 1 });
      expect(await store.changesSince(1)).toEqual([]);
      expect(await store.txn({ operations: [put('b', 2)] })).toEqual({ succeeded: true, revision: 2 });
    });

    it('reports every failed compare and writes nothing when any compare fails', async () => {
      const { store } = await open();
      await store.txn({ operations: [put('a', 1), put('b', 1), put('c', 1)] });
      await store.txn({ operations: [put('a', 2)] });
      const result = await store.txn({
        compare: [
          { key: 'a', modRevision: 1 },
          { key: 'b', modRevision: 1 },
          { key: 'c', modRevision: 0 },
        ],
        operations: [put('a', 3), put('b', 3), put('d', 3)],
      });
      expect(result.succeeded).toBe(false);
      expect(result.revision).toBe(2);
      expect(result.succeeded ? [] : [...result.conflicts].sort()).toEqual(['a', 'c']);
      expect((await store.range('')).entries.map((entry) => [entry.key, entry.value])).toEqual([
        ['a', 2],
        ['b', 1],
        ['c', 1],
      ]);
      expect(await store.revision()).toBe(2);
      expect(await store.changesSince(2)).toEqual([]);
    });

    it('applies every operation when all compares hold', async () => {
      const { store } = await open();
      await store.txn({ operations: [put('a', 1), put('b', 1)] });
      const result = await store.txn({
        compare: [
          { key: 'a', modRevision: 1 },
          { key: 'new', modRevision: 0 },
        ],
        operations: [put('a', 2), del('b'), put('new', 2)],
      });
      expect(result).toEqual({ succeeded: true, revision: 2 });
      expect((await store.range('')).entries.map((entry) => [entry.key, entry.value])).toEqual([
        ['a', 2],
        ['new', 2],
      ]);
    });

    it('treats compare modRevision 0 as "must not exist"', async () => {
      const { store } = await open();
      const create = { compare: [{ key: 'lock', modRevision: 0 }], operations: [put('lock', 'me')] };
      expect(await store.txn(create)).toEqual({ succeeded: true, revision: 1 });
      expect(await store.txn(create)).toEqual({ succeeded: false, revision: 1, conflicts: ['lock'] });
      await store.txn({ operations: [del('lock')] });
      expect(await store.txn(create)).toEqual({ succeeded: true, revision: 3 });
    });

    it('lets exactly one of two racing read-modify-write clients win', async () => {
      const { store } = await open();
      await store.txn({ operations: [put('counter', 0)] });
      const [first, second] = await Promise.all([store.get('counter'), store.get('counter')]);
      const increment = (seen: typeof first) =>
        store.txn({
          compare: [{ key: 'counter', modRevision: seen?.modRevision ?? 0 }],
          operations: [put('counter', Number(seen?.value) + 1)],
        });
      const results = await Promise.all([increment(first), increment(second)]);
      expect(results.filter((result) => result.succeeded)).toHaveLength(1);
      expect(results.find((result) => !result.succeeded)).toMatchObject({ conflicts: ['counter'] });
      expect((await store.get('counter'))?.value).toBe(1);
    });

    it('loses no increment when many clients retry compare-and-write concurrently', async () => {
      const { store } = await open();
      const incrementWithRetry = async () => {
        for (;;) {
          const seen = await store.get('counter');
          const result = await store.txn({
            compare: [{ key: 'counter', modRevision: seen?.modRevision ?? 0 }],
            operations: [put('counter', Number(seen?.value ?? 0) + 1)],
          });
          if (result.succeeded) return;
        }
      };
      await Promise.all(Array.from({ length: 10 }, incrementWithRetry));
      expect(await store.get('counter')).toMatchObject({ value: 10, version: 10 });
      expect(await store.revision()).toBe(10);
    });

    it('rejects a transaction naming one key twice, writing nothing', async () => {
      const { store } = await open();
      await expect(store.txn({ operations: [put('a', 1), put('b', 1), del('a')] })).rejects.toThrow();
      expect(await store.revision()).toBe(0);
      expect(await store.range('')).toEqual({ entries: [], revision: 0 });
    });
  });
}

function describeChangeFeed(open: OpenStore): void {
  describe('changesSince', () => {
    /** Revisions: 1 = put a; 2 = put b, put c, delete a; 3 = put d. */
    async function seed(store: StateStore): Promise<void> {
      await store.txn({ operations: [put('a', 1)] });
      await store.txn({ operations: [put('b', 2), put('c', { nested: [2] }), del('a')] });
      await store.txn({ operations: [put('d', 3)] });
    }

    it('returns the changes after a revision in order, each with its transaction revision', async () => {
      const { store } = await open();
      await seed(store);
      expect(await store.changesSince(0)).toStrictEqual([
        { revision: 1, type: 'put', key: 'a', value: 1 },
        { revision: 2, type: 'put', key: 'b', value: 2 },
        { revision: 2, type: 'put', key: 'c', value: { nested: [2] } },
        { revision: 2, type: 'delete', key: 'a' },
        { revision: 3, type: 'put', key: 'd', value: 3 },
      ]);
      expect(revisions(await store.changesSince(2))).toEqual([3]);
      expect(await store.changesSince(3)).toEqual([]);
    });

    it('limits by whole transactions, never splitting one', async () => {
      const { store } = await open();
      await seed(store);
      expect(revisions(await store.changesSince(0, 1))).toEqual([1]);
      expect(revisions(await store.changesSince(1, 1))).toEqual([2, 2, 2]);
      expect(revisions(await store.changesSince(0, 2))).toEqual([1, 2, 2, 2]);
      expect(revisions(await store.changesSince(1, 100))).toEqual([2, 2, 2, 3]);
    });

    it('pages through a long history without gaps or repeats', async () => {
      const { store } = await open();
      const last = await putEach(store, keysFrom('k/', 25));
      const seen: Change[] = [];
      for (let after = 0; after < last; after = seen.at(-1)?.revision ?? last) {
        seen.push(...(await store.changesSince(after, 7)));
      }
      expect(revisions(seen)).toEqual(sequence(1, 25));
    });

    it('fails with FutureRevisionError for a revision ahead of the store', async () => {
      const { store } = await open();
      await seed(store);
      const error = await store.changesSince(4).catch((e: unknown) => e);
      expectFuture(error, 4, 3);
    });
  });
}

function describeWatch(open: OpenStore): void {
  describe('watch', () => {
    it('delivers history, then live changes from many rapid transactions, gapless and without repeats', async () => {
      const { store } = await open();
      await store.txn({ operations: [put('x', 0), put('y', 0)] });
      await putEach(store, keysFrom('old/', 20));
      const watcher = record(store, 5);
      // Transactions issued back to back without waiting, then more while the watch catches up.
      const burst = await Promise.all(
        keysFrom('burst/', 50).map((key) => store.txn({ operations: [put(key, 1), put(`${key}/b`, 2)] })),
      );
      expect(burst.every((result) => result.succeeded)).toBe(true);
      for (const key of keysFrom('live/', 60)) {
        await store.txn({ operations: [put(key, key)] });
        if (key.endsWith('5')) await new Promise((resolve) => setImmediate(resolve));
      }
      const last = await store.revision();
      expect(last).toBe(1 + 20 + 50 + 60);
      await watcher.until(last);
      await settle();
      expect(watcher.changes()).toEqual(await store.changesSince(5));
      expect([...new Set(revisions(watcher.changes()))]).toEqual(sequence(6, last));
      expectWholeTransactions(watcher.batches);
      expect(watcher.errors).toEqual([]);
    });

    it('delivers only new changes when watching from the current revision', async () => {
      const { store } = await open();
      await putEach(store, ['a', 'b']);
      const watcher = record(store, 2);
      await store.txn({ operations: [put('c', 'c')] });
      await watcher.until(3);
      expect(watcher.changes()).toStrictEqual([{ revision: 3, type: 'put', key: 'c', value: 'c' }]);
    });

    it('delivers a large transaction whole', async () => {
      const { store } = await open();
      const watcher = record(store, 0);
      await store.txn({ operations: keysFrom('big/', 2000).map((key) => put(key, key)) });
      await watcher.until(1);
      await settle();
      expect(watcher.batches).toHaveLength(1);
      expect(watcher.batches[0]).toHaveLength(2000);
    });

    it('never lets a failed compare or an empty transaction appear in the feed', async () => {
      const { store } = await open();
      const watcher = record(store, 0);
      await store.txn({ operations: [put('a', 1)] });
      await store.txn({ compare: [{ key: 'a', modRevision: 0 }], operations: [put('a', 2)] });
      await store.txn({ operations: [] });
      await store.txn({ operations: [put('b', 1)] });
      await watcher.until(2);
      await settle();
      expect(watcher.changes()).toStrictEqual([
        { revision: 1, type: 'put', key: 'a', value: 1 },
        { revision: 2, type: 'put', key: 'b', value: 1 },
      ]);
    });

    it('stops delivering once cancelled, including from inside a handler', async () => {
      const { store } = await open();
      const cancelledEarly = record(store, 0);
      cancelledEarly.watch.cancel();
      let cancelInHandler: Watch | undefined;
      const cancelledInHandler = record(store, 0, () => cancelInHandler?.cancel());
      cancelInHandler = cancelledInHandler.watch;
      const cancelledLater = record(store, 0);
      const barrier = record(store, 0);
      await store.txn({ operations: [put('a', 1)] });
      await cancelledLater.until(1);
      cancelledLater.watch.cancel();
      await putEach(store, ['b', 'c']);
      await barrier.until(3);
      await settle();
      expect(cancelledEarly.batches).toEqual([]);
      expect(revisions(cancelledInHandler.changes())).toEqual([1]);
      expect(revisions(cancelledLater.changes())).toEqual([1]);
      expect([cancelledEarly, cancelledInHandler, cancelledLater].flatMap((w) => w.errors)).toEqual([]);
    });

    it('keeps commits and other watchers working when a handler throws', async () => {
      const { store } = await open();
      const throwing = record(store, 0, () => {
        throw new Error('handler bug');
      });
      const healthy = record(store, 0);
      expect(await store.txn({ operations: [put('a', 1)] })).toEqual({ succeeded: true, revision: 1 });
      await healthy.until(1);
      expect(await store.txn({ operations: [put('b', 1)] })).toEqual({ succeeded: true, revision: 2 });
      await healthy.until(2);
      expect(revisions(healthy.changes())).toEqual([1, 2]);
      // What happens to the throwing watch itself is the implementation's choice; it saw revision 1.
      expect(throwing.changes()[0]?.revision).toBe(1);
    });

    it('fails with FutureRevisionError when asked to start ahead of the store', async () => {
      const { store } = await open();
      await putEach(store, ['a']);
      const watcher = record(store, 5);
      expectFuture(await watcher.failed(), 5, 1);
      expect(watcher.batches).toEqual([]);
    });
  });
}

function describeRestart(open: OpenStore): void {
  describe('restart', () => {
    it('keeps data, revision and history across close and reopen, and continues the sequence', async () => {
      const { store, reopen } = await open();
      await store.txn({ operations: [put('a', 1), put('b', 1)] });
      await store.txn({ operations: [put('a', 2), del('b')] });
      const before = await store.changesSince(0);
      await store.close();
      const restarted = await reopen();
      expect(await restarted.revision()).toBe(2);
      expect(await restarted.get('a')).toEqual({
        key: 'a',
        value: 2,
        createRevision: 1,
        modRevision: 2,
        version: 2,
      });
      expect(await restarted.get('b')).toBeUndefined();
      expect(await restarted.changesSince(0)).toEqual(before);
      expect(await restarted.txn({ operations: [put('c', 3)] })).toEqual({ succeeded: true, revision: 3 });
      const watcher = record(restarted, 1);
      await watcher.until(3);
      expect(revisions(watcher.changes())).toEqual([2, 2, 3]);
    });

    it('closes idempotently and refuses work once closed', async () => {
      const { store } = await open();
      await store.close();
      await store.close();
      await expect(store.get('a')).rejects.toThrow();
      await expect(store.txn({ operations: [put('a', 1)] })).rejects.toThrow();
    });
  });
}

function describeCompaction(open: OpenStore): void {
  describe('compaction', () => {
    it('fails reads from before the compacted revision and serves reads from it', async () => {
      const { store } = await open();
      await putEach(store, ['a', 'b', 'c', 'd', 'e']);
      await store.compact(3);
      expect(await store.compactedRevision()).toBe(3);
      expectCompacted(await store.changesSince(2).catch((e: unknown) => e), 2, 3);
      expectCompacted(await store.changesSince(0).catch((e: unknown) => e), 0, 3);
      expect(revisions(await store.changesSince(3))).toEqual([4, 5]);
      expect((await store.range('')).entries.map((entry) => entry.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(await store.get('a')).toMatchObject({ value: 'a', modRevision: 1 });
    });

    it('fails a watch from before the compacted revision and serves one from it', async () => {
      const { store } = await open();
      await putEach(store, ['a', 'b', 'c', 'd']);
      await store.compact(2);
      const tooOld = record(store, 1);
      expectCompacted(await tooOld.failed(), 1, 2);
      const fromCompacted = record(store, 2);
      await store.txn({ operations: [put('e', 'e')] });
      await fromCompacted.until(5);
      await settle();
      expect(revisions(fromCompacted.changes())).toEqual([3, 4, 5]);
      expect(tooOld.batches).toEqual([]);
      expect(tooOld.errors).toHaveLength(1);
    });

    it('keeps the compacted revision across a restart', async () => {
      const { store, reopen } = await open();
      await putEach(store, ['a', 'b', 'c']);
      await store.compact(2);
      const restarted = await reopen();
      expect(await restarted.compactedRevision()).toBe(2);
      expectCompacted(await restarted.changesSince(1).catch((e: unknown) => e), 1, 2);
      expect(revisions(await restarted.changesSince(2))).toEqual([3]);
    });

    it('can compact up to the current revision but not beyond, and ignores older targets', async () => {
      const { store } = await open();
      await putEach(store, ['a', 'b', 'c']);
      expectFuture(await store.compact(4).catch((e: unknown) => e), 4, 3);
      await store.compact(3);
      await store.compact(1);
      expect(await store.compactedRevision()).toBe(3);
      expect(await store.changesSince(3)).toEqual([]);
      expect(await store.txn({ operations: [put('d', 'd')] })).toEqual({ succeeded: true, revision: 4 });
      expect(revisions(await store.changesSince(3))).toEqual([4]);
    });
  });
}
