// The podwatcher's recording round at DriveScale's scale: 150,000 pods (two thirds with a PVC on a
// Drivebay volume) on 10,000 nodes. The source translates API objects into the composer's plain
// observations; the composer describes bindings (all of them after a list, then incrementally) and
// decides which differ from what the store holds; only those are committed.
// Run: npx vitest bench --run --config bench/vitest.bench.config.ts bench/podwatcher.bench.ts
import type { Server } from '@drivebay/api-types';
import type { V1Node, V1PersistentVolume, V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';
import { bench, describe } from 'vitest';
import {
  claimObject,
  nodeObject,
  podObject,
  volumeObject,
} from '../apps/bff/src/sources/kubernetes/translate.js';
import {
  ClusterBindings,
  type DecisionContext,
  decideBindings,
  describeCluster,
  ServerLookup,
} from '../packages/composer/src/index.js';

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
const objects = {
  nodes: nodes.map(nodeObject),
  pvs: pvs.map(volumeObject),
  claims: claims.map(claimObject),
  pods: pods.map(podObject),
};
const lookup = new ServerLookup(servers);
const stored = describeCluster('c1', objects, lookup);
const storedView = {
  node: (id: string) => stored.nodes.get(id),
  claim: (id: string) => stored.claims.get(id),
  pod: (id: string) => stored.pods.get(id),
};
const context: DecisionContext = { actor: 'bench', now: new Date().toISOString(), nextEventId: () => 'e' };
const records = stored.nodes.size + stored.claims.size + stored.pods.size;
console.log(`records per round: ${records} (${NODES} nodes, ${claims.length} claims, ${PODS} pods)`);

describe(`podwatcher round: ${PODS.toLocaleString('en')} pods on ${NODES.toLocaleString('en')} nodes`, () => {
  bench(
    'describeCluster (every node, claim and pod)',
    () => {
      describeCluster('c1', objects, lookup);
    },
    { iterations: 10 },
  );
  bench(
    'decideBindings against the stored records (a full comparison, nothing changed)',
    () => {
      decideBindings(describeCluster('c1', objects, lookup), storedView, new Map(), context);
    },
    { iterations: 10 },
  );
  const incremental = new ClusterBindings('c1', lookup);
  for (const node of objects.nodes) incremental.upsert('nodes', node);
  for (const pv of objects.pvs) incremental.upsert('pvs', pv);
  for (const claim of objects.claims) incremental.upsert('claims', claim);
  for (const pod of objects.pods) incremental.upsert('pods', pod);
  incremental.takeChanges();
  let n = 0;
  bench('incremental round: one pod restarted (translate, describe, decide)', () => {
    const pod = pods[n++ % PODS] as V1Pod;
    incremental.upsert('pods', podObject(pod));
    decideBindings(incremental.takeChanges(), storedView, new Map(), context);
  });
  bench('incremental round: a node (15 pods on it) went NotReady (translate, describe, decide)', () => {
    const node = nodes[n++ % NODES] as V1Node;
    incremental.upsert('nodes', nodeObject(node));
    decideBindings(incremental.takeChanges(), storedView, new Map(), context);
  });
});
