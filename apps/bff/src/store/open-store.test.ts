import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { freshPrefix, useEtcdCluster } from './etcd/testing/etcd-fixtures.js';
import { freePort } from './etcd/testing/free-port.js';
import { openConfiguredStore } from './open-store.js';
import type { StateStore } from './types.js';

describe('opening the configured store', () => {
  const cluster = useEtcdCluster(1);
  const stores: StateStore[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function open(argv: string[]): Promise<StateStore> {
    const dir = await mkdtemp(join(tmpdir(), 'drivebay-open-'));
    dirs.push(dir);
    const store = await openConfiguredStore(loadConfig(argv, {}).store, dir);
    stores.push(store);
    return store;
  }

  it('opens SQLite by default and the etcd site that --store and --etcd-prefix name', async () => {
    const sqlite = await open([]);
    expect(await sqlite.revision()).toBe(0);
    const endpoint = cluster().endpoints[0]?.replace('http://', '') ?? '';
    const argv = ['--store', `etcd://${endpoint}`, '--etcd-prefix', freshPrefix()];
    const etcd = await open(argv);
    await etcd.txn({ operations: [{ type: 'put', key: 'drives/1', value: { media: 'ssd' } }] });
    const again = await open(argv);
    expect(await again.get('drives/1')).toMatchObject({ value: { media: 'ssd' }, modRevision: 1 });
  });

  it('names the flag of an unreadable PEM file, and --store when etcd cannot be reached', async () => {
    const endpoint = cluster().endpoints[0]?.replace('http://', '') ?? '';
    const tls = ['--store', `etcd://${endpoint}`, '--etcd-ca', '/nonexistent/ca.pem'];
    const error = await open(tls).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toMatch(/--etcd-ca "\/nonexistent\/ca.pem": cannot read it \(ENOENT\)/);
    const nobody = `127.0.0.1:${await freePort()}`;
    const config = loadConfig(['--store', `etcd://${nobody}`], {}).store;
    if (config.kind !== 'etcd') throw new Error('expected etcd');
    const unreachable = openConfiguredStore({ ...config }, tmpdir());
    await expect(unreachable).rejects.toThrow(
      new RegExp(`^--store: cannot open the site '/drivebay/' on etcd http://${nobody}`),
    );
  });
});
