import { describe, expect, it } from 'vitest';
import type { OpenStore } from './fixtures.js';
import { del, put } from './helpers.js';

/** Transactions: one revision per write, compare-and-write, conflicts under concurrency. */
export function describeTransactions(open: OpenStore): void {
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
