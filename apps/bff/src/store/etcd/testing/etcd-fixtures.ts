import { afterAll, beforeAll } from 'vitest';
import type { StoreFactory } from '../../testing/contract.js';
import type { StateStore } from '../../types.js';
import { type EtcdStoreOptions, openEtcdStore } from '../etcd-store.js';
import { EtcdCluster } from './etcd-cluster.js';

let sites = 0;

/** A prefix no other store of this test process uses. */
export function freshPrefix(): string {
  sites++;
  return `/drivebay-test/${process.pid}/${sites}/`;
}

/**
 * Starts a throwaway etcd cluster of `size` members before the file's tests and removes it after
 * them; `cluster()` is the running one. Tests in one file run one at a time, so a fresh prefix
 * per store makes it private, as the contract suite asks.
 */
export function useEtcdCluster(size = 1): () => EtcdCluster {
  let cluster: EtcdCluster | undefined;
  beforeAll(async () => {
    cluster = await EtcdCluster.start(size);
  });
  afterAll(async () => {
    await cluster?.close();
  });
  return () => {
    if (!cluster) throw new Error('the etcd cluster has not started');
    return cluster;
  };
}

/** Contract-suite fixtures: a fresh site (prefix) on the running cluster per fixture. */
export function etcdFactory(
  cluster: () => EtcdCluster,
  options: Partial<EtcdStoreOptions> = {},
): StoreFactory {
  return {
    fresh: async () => {
      const prefix = freshPrefix();
      return {
        open: (): Promise<StateStore> =>
          openEtcdStore({ endpoints: cluster().endpoints, prefix, ...options }),
        // The cluster's data directory goes with it; nothing to remove per site.
        cleanup: async () => undefined,
      };
    },
  };
}
