import { describe, expect, it } from 'vitest';
import type { OpenStore } from './fixtures.js';
import { del, put, revisions } from './helpers.js';
import { record } from './recorder.js';

/** Restart: data and history survive close and reopen; a closed store refuses work. */
export function describeRestart(open: OpenStore): void {
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
