import { describe } from 'vitest';
import { describeStateStoreContract } from '../testing/contract.js';
import { etcdFactory, useEtcdCluster } from './testing/etcd-fixtures.js';

describe('etcd StateStore', () => {
  const cluster = useEtcdCluster(1);
  describeStateStoreContract('etcd', etcdFactory(cluster));
  // Pages of two keys make every range of the suite read many pages at one revision.
  describeStateStoreContract('etcd, ranging 2 keys per page', etcdFactory(cluster, { rangePageSize: 2 }));
});
