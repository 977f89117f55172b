import { describe, expect, it } from 'vitest';
import type { Watch } from '../../types.js';
import type { OpenStore } from './fixtures.js';
import { expectFuture, keysFrom, put, putEach, revisions, sequence, settle } from './helpers.js';
import { expectWholeTransactions, record } from './recorder.js';

/** watch: replay then live delivery, gapless, whole transactions, cancel and handler failures. */
export function describeWatch(open: OpenStore): void {
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
