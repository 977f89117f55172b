import { describe, expect, it } from 'vitest';
import type { OpenStore } from './fixtures.js';
import { expectCompacted, expectFuture, put, putEach, revisions, settle } from './helpers.js';
import { record } from './recorder.js';

/** Compaction: history before the compacted revision is gone, and reads from it say so. */
export function describeCompaction(open: OpenStore): void {
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
