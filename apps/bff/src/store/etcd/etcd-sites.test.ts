import { afterEach, describe, expect, it } from 'vitest';
import { keysFrom } from '../testing/contract/helpers.js';
import type { StateStore } from '../types.js';
import { createEtcdClient } from './etcd-client.js';
import { openEtcdStore } from './etcd-store.js';
import { freshPrefix, useEtcdCluster } from './testing/etcd-fixtures.js';
import { expectWholeHistory, follow } from './testing/etcd-test-helpers.js';

describe('etcd StateStore: sites and size', () => {
  const cluster = useEtcdCluster(1);
  const stores: StateStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  async function open(prefix: string, rangePageSize?: number): Promise<StateStore> {
    const store = await openEtcdStore({ endpoints: cluster().endpoints, prefix, rangePageSize });
    stores.push(store);
    return store;
  }

  it('keeps two sites on one cluster apart: keys, revisions, ranges and watches', async () => {
    const a = await open(freshPrefix());
    const b = await open(freshPrefix());
    const watchA = follow(a);
    for (const key of keysFrom('k/', 5)) {
      await a.txn({ operations: [{ type: 'put', key, value: 'a' }] });
      await b.txn({ operations: [{ type: 'put', key, value: 'b' }] });
    }
    const last = await a.revision();
    await watchA.until(last);
    expect((await a.range('')).entries.map((e) => e.value)).toEqual(['a', 'a', 'a', 'a', 'a']);
    // B's writes take etcd revisions too: A's revisions increase but skip B's.
    const revisions = (await a.changesSince(0)).map((change) => change.revision);
    expect(revisions).toEqual([...revisions].sort((x, y) => x - y));
    expect(revisions.at(-1)).toBe(last);
    await expectWholeHistory(a, watchA.changes);
    expect(watchA.changes.every((change) => change.type === 'put' && change.value === 'a')).toBe(true);
  });

  it('refuses a prefix that holds keys Drivebay did not write', async () => {
    const prefix = freshPrefix();
    const client = createEtcdClient({ endpoints: cluster().endpoints });
    try {
      await client.put(`${prefix}someone-else`).value('x');
    } finally {
      client.close();
    }
    await expect(open(prefix)).rejects.toThrow(/holds 1 keys but no Drivebay site marker/);
  });

  it('loads 100,000 drives in pages, sorted, at one revision', async () => {
    const store = await open(freshPrefix(), 5000);
    const drives = Array.from({ length: 100_000 }, (_, i) => `drives/${String(i).padStart(6, '0')}`);
    // etcd takes at most --max-txn-ops operations per transaction (10,000 in these tests).
    for (let i = 0; i < drives.length; i += 5000) {
      const operations = drives
        .slice(i, i + 5000)
        .map((key) => ({ type: 'put' as const, key, value: { key } }));
      await store.txn({ operations });
    }
    await store.txn({ operations: [{ type: 'put', key: 'drivez', value: 'outside' }] });
    const { entries, revision } = await store.range('drives/');
    expect(entries.map((entry) => entry.key)).toEqual(drives);
    expect(revision).toBe(await store.revision());
  });
});
