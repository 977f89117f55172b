import { describe, expect, it } from 'vitest';
import type { OpenStore } from './fixtures.js';
import { del, put } from './helpers.js';

/** Entries: revisions and versions per key, JSON values, prefix ranges. */
export function describeEntries(open: OpenStore): void {
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
