import { describe, expect, it } from 'vitest';
import type { Change, StateStore } from '../../types.js';
import type { OpenStore } from './fixtures.js';
import { del, expectFuture, keysFrom, put, putEach, revisions, sequence } from './helpers.js';

/** changesSince: ordered history, paged by whole transactions. */
export function describeChangeFeed(open: OpenStore): void {
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
