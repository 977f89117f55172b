import { afterEach, describe, expect, it } from 'vitest';
import { keysFrom } from '../testing/contract/helpers.js';
import type { StateStore } from '../types.js';
import { openEtcdStore } from './etcd-store.js';
import { freshPrefix, useEtcdCluster } from './testing/etcd-fixtures.js';
import { expectWholeHistory, follow, writeEach } from './testing/etcd-test-helpers.js';

describe('etcd StateStore on a three-member cluster', () => {
  const cluster = useEtcdCluster(3);
  const stores: StateStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  it('keeps committing and its watch keeps delivering when the leader is killed', async () => {
    const store = await openEtcdStore({ endpoints: cluster().endpoints, prefix: freshPrefix() });
    stores.push(store);
    const watcher = follow(store);
    await watcher.until(await writeEach(store, keysFrom('before/', 5)));
    const leader = await cluster().leader();
    await cluster().members[leader]?.kill('SIGKILL');
    // Writes during the election fail with UNAVAILABLE and are sent again (distinct keys, so a
    // write that failed but committed shows up as one more change, never as a lost one).
    const last = await writeEach(store, keysFrom('after/', 10));
    await watcher.until(last);
    await expectWholeHistory(store, watcher.changes);
    const keys = new Set(watcher.changes.map((change) => change.key));
    expect(keysFrom('after/', 10).every((key) => keys.has(key))).toBe(true);
    expect(await cluster().leader()).not.toBe(leader);
    expect(watcher.errors).toEqual([]);
  });
});
