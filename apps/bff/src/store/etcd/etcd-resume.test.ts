import { afterEach, describe, expect, it } from 'vitest';
import { keysFrom } from '../testing/contract/helpers.js';
import { CompactedError, type StateStore } from '../types.js';
import { openEtcdStore } from './etcd-store.js';
import { freshPrefix, useEtcdCluster } from './testing/etcd-fixtures.js';
import { expectWholeHistory, follow, writeEach } from './testing/etcd-test-helpers.js';
import { TcpProxy } from './testing/tcp-proxy.js';

describe('etcd StateStore: watches across failures', () => {
  const cluster = useEtcdCluster(1);
  const stores: StateStore[] = [];
  const proxies: TcpProxy[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const proxy of proxies.splice(0)) await proxy.close();
  });

  async function open(prefix: string, endpoints = cluster().endpoints): Promise<StateStore> {
    const store = await openEtcdStore({ endpoints, prefix });
    stores.push(store);
    return store;
  }

  /** One store through a relay that the test can cut, one straight to etcd, on the same site. */
  async function cuttableAndDirect() {
    const member = cluster().members[0];
    if (!member) throw new Error('no member');
    const proxy = await TcpProxy.start(member.spec.clientPort);
    proxies.push(proxy);
    const prefix = freshPrefix();
    return { proxy, behind: await open(prefix, [proxy.url]), direct: await open(prefix) };
  }

  it('resumes a watch after the member is killed with SIGKILL and restarted, missing and repeating nothing', async () => {
    const store = await open(freshPrefix());
    const watcher = follow(store);
    await watcher.until(await writeEach(store, keysFrom('before/', 5)));
    const member = cluster().members[0];
    if (!member) throw new Error('no member');
    await member.kill('SIGKILL');
    member.start();
    await member.waitHealthy();
    const last = await writeEach(store, keysFrom('after/', 5));
    await watcher.until(last);
    await expectWholeHistory(store, watcher.changes);
    expect(watcher.changes.filter((c) => c.key.startsWith('after/'))).toHaveLength(5);
    expect(watcher.errors).toEqual([]);
  });

  it('resumes a watch whose connection was cut while another client kept writing', async () => {
    const { proxy, behind, direct } = await cuttableAndDirect();
    const watcher = follow(behind);
    await watcher.until(await writeEach(direct, keysFrom('before/', 3)));
    proxy.cut();
    // Written while the watch has no connection: it must fetch them when it is back.
    await writeEach(direct, keysFrom('during/', 10));
    proxy.restore();
    const last = await writeEach(direct, keysFrom('after/', 2));
    await watcher.until(last);
    await expectWholeHistory(direct, watcher.changes);
    expect(watcher.changes).toHaveLength(15);
    expect(watcher.errors).toEqual([]);
  });

  it('fails a cut-off watch with CompactedError when history it missed was compacted meanwhile', async () => {
    const { proxy, behind, direct } = await cuttableAndDirect();
    const watcher = follow(behind);
    const seen = await writeEach(direct, keysFrom('before/', 3));
    await watcher.until(seen);
    proxy.cut();
    const compacted = await writeEach(direct, keysFrom('during/', 5));
    await direct.compact(compacted);
    proxy.restore();
    const error = await watcher.failed();
    expect(error).toBeInstanceOf(CompactedError);
    expect(error).toMatchObject({ requestedRevision: seen, compactedRevision: compacted });
    expect(watcher.changes).toHaveLength(3);
    expect(await behind.compactedRevision()).toBe(compacted);
  });
});
