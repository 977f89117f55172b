// The podwatcher's recording round at DriveScale's scale: 150,000 pods (two thirds with a PVC on a
// Drivebay volume) on 10,000 nodes. Each round describes the whole cluster from the informer caches
// and compares it with what the store holds; only changed records are committed.
// Run: npx vitest bench --run --config bench/vitest.bench.config.ts bench/podwatcher.bench.ts
import type { Server } from '@drivebay/api-types';
import type { V1Node, V1PersistentVolume, V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';
import { bench, describe } from 'vitest';
import { ServerLookup } from '../apps/bff/src/sources/kubernetes/describe.js';
import {
  changedKeys,
  describeCluster,
  IncrementalCluster,
} from '../apps/bff/src/sources/kubernetes/describe-cluster.js';

const NODES = 10_000;
const PODS = 150_000;
const servers: Server[] = Array.from({ length: NODES }, (_, i) => ({
  id: `srv-${i}`,
  hostname: `node-${i}`,
  rack: `r${i % 100}`,
  transports: ['iscsi'],
  state: 'up',
}));
const nodes: V1Node[] = servers.map((s) => ({
  metadata: { name: s.hostname, uid: `n-${s.id}`, labels: { 'drivebay.io/server': s.id } },
  status: { conditions: [{ type: 'Ready', status: 'True' }] },
}));
const claims: V1PersistentVolumeClaim[] = [];
const pvs: V1PersistentVolume[] = [];
const pods: V1Pod[] = [];
for (let i = 0; i < PODS; i++) {
  const namespace = `ns-${i % 500}`;
  const stateful = i % 3 !== 0;
  if (stateful) {
    claims.push({
      metadata: { name: `data-app-${i}`, namespace, uid: `c-${i}` },
      spec: {
        volumeName: `pvc-${i}`,
        storageClassName: 'drivebay-slice',
        resources: { requests: { storage: '100Gi' } },
      },
      status: { phase: 'Bound' },
    });
    pvs.push({
      metadata: { name: `pvc-${i}` },
      spec: { csi: { driver: 'csi.drivebay.io', volumeHandle: `pvc-${i}` } },
    });
  }
  pods.push({
    metadata: {
      name: `app-${i}`,
      namespace,
      uid: `p-${i}`,
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'StatefulSet', name: `app-${i % 5000}`, uid: 'o', controller: true },
      ],
    },
    spec: {
      nodeName: `node-${i % NODES}`,
      containers: [{ name: 'main' }],
      volumes: stateful ? [{ name: 'data', persistentVolumeClaim: { claimName: `data-app-${i}` } }] : [],
    },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'main', ready: true, restartCount: 0, image: '', imageID: '' }],
    },
  });
}
const objects = { nodes, pvs, claims, pods };
const lookup = new ServerLookup(servers);
const stored = describeCluster('c1', objects, lookup);
console.log(`records per round: ${stored.size} (${NODES} nodes, ${claims.length} claims, ${PODS} pods)`);

describe(`podwatcher round: ${PODS.toLocaleString('en')} pods on ${NODES.toLocaleString('en')} nodes`, () => {
  bench(
    'describeCluster (every node, claim and pod)',
    () => {
      describeCluster('c1', objects, lookup);
    },
    { iterations: 10 },
  );
  bench(
    'changedKeys against the stored records (nothing changed)',
    () => {
      changedKeys(describeCluster('c1', objects, lookup), stored);
    },
    { iterations: 10 },
  );
  const incremental = new IncrementalCluster('c1', lookup);
  for (const node of nodes) incremental.upsert('nodes', node);
  for (const pv of pvs) incremental.upsert('pvs', pv);
  for (const claim of claims) incremental.upsert('claims', claim);
  for (const pod of pods) incremental.upsert('pods', pod);
  incremental.takeChanges();
  let n = 0;
  bench('incremental round: one pod restarted', () => {
    const pod = pods[n++ % PODS] as V1Pod;
    incremental.upsert('pods', pod);
    incremental.takeChanges();
  });
  bench('incremental round: a node (15 pods on it) went NotReady', () => {
    const node = nodes[n++ % NODES] as V1Node;
    incremental.upsert('nodes', node);
    incremental.takeChanges();
  });
});
