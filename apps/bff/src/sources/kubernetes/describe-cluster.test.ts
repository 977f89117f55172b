import type { Server } from '@drivebay/api-types';
import type { V1Node, V1PersistentVolume, V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { ServerLookup } from './describe.js';
import {
  describeCluster,
  IncrementalCluster,
  type KubeRecord,
  type WatchedKind,
} from './describe-cluster.js';

const servers = new ServerLookup(
  [0, 1, 2].map(
    (i): Server => ({ id: `srv-${i}`, hostname: `node-${i}`, rack: 'r', transports: ['iscsi'], state: 'up' }),
  ),
);
const node = (i: number, label?: number): V1Node => ({
  metadata: {
    name: `node-${i}`,
    labels: label === undefined ? {} : { 'drivebay.io/server': `srv-${label}` },
  },
  status: { conditions: [{ type: 'Ready', status: 'True' }] },
});
const pv = (i: number, handle: string): V1PersistentVolume => ({
  metadata: { name: `pv-${i}` },
  spec: { csi: { driver: 'csi.drivebay.io', volumeHandle: handle } },
});
const claim = (i: number, pvIndex?: number): V1PersistentVolumeClaim => ({
  metadata: { name: `data-${i}`, namespace: 'ns' },
  spec: pvIndex === undefined ? {} : { volumeName: `pv-${pvIndex}` },
  status: { phase: pvIndex === undefined ? 'Pending' : 'Bound' },
});
const pod = (i: number, nodeIndex: number, claims: number[]): V1Pod => ({
  metadata: { name: `app-${i}`, namespace: 'ns' },
  spec: {
    nodeName: `node-${nodeIndex}`,
    containers: [],
    volumes: claims.map((c) => ({ name: `v${c}`, persistentVolumeClaim: { claimName: `data-${c}` } })),
  },
});

/** A seeded pseudo-random sequence, so a failure replays. */
function random(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
}

describe('IncrementalCluster', () => {
  it('after any sequence of changes, holds exactly what describing the whole cluster gives', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const pick = random(seed);
      const incremental = new IncrementalCluster('c1', servers);
      const current = {
        nodes: new Map<string, V1Node>(),
        pvs: new Map(),
        claims: new Map(),
        pods: new Map(),
      } as Record<WatchedKind, Map<string, V1Node | V1PersistentVolume | V1PersistentVolumeClaim | V1Pod>>;
      const view = new Map<string, KubeRecord>();
      for (let step = 0; step < 300; step++) {
        const kinds: WatchedKind[] = ['nodes', 'pvs', 'claims', 'pods'];
        const kind = kinds[pick(4)] as WatchedKind;
        const i = pick(4);
        const object =
          kind === 'nodes'
            ? node(i, pick(3) === 0 ? undefined : pick(3))
            : kind === 'pvs'
              ? pv(i, `vol-${pick(3)}`)
              : kind === 'claims'
                ? claim(i, pick(3) === 0 ? undefined : pick(4))
                : pod(i, pick(4), pick(2) === 0 ? [] : [pick(4)]);
        const key = `${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
        if (pick(4) === 0) {
          const existing = current[kind].get(key);
          if (existing) {
            current[kind].delete(key);
            incremental.remove(kind, existing);
          }
        } else {
          current[kind].set(key, object);
          incremental.upsert(kind, object);
        }
        if (pick(3) === 0) {
          for (const [k, record] of incremental.takeChanges()) {
            if (record) view.set(k, record);
            else view.delete(k);
          }
        }
      }
      for (const [k, record] of incremental.takeChanges()) {
        if (record) view.set(k, record);
        else view.delete(k);
      }
      const whole = describeCluster(
        'c1',
        {
          nodes: [...current.nodes.values()] as V1Node[],
          pvs: [...current.pvs.values()] as V1PersistentVolume[],
          claims: [...current.claims.values()] as V1PersistentVolumeClaim[],
          pods: [...current.pods.values()] as V1Pod[],
        },
        servers,
      );
      expect(new Map([...view].sort()), `seed ${seed}`).toEqual(new Map([...whole].sort()));
    }
  });

  it('re-describes the pods of a node whose server match changed, and only what changed', () => {
    const incremental = new IncrementalCluster('c1', servers);
    incremental.upsert('nodes', node(7));
    incremental.upsert('pods', pod(1, 7, []));
    incremental.upsert('pods', pod(2, 0, []));
    incremental.takeChanges();
    incremental.upsert('nodes', node(7, 2));
    const changes = incremental.takeChanges();
    expect([...changes.keys()].sort()).toEqual(['kube/c1/nodes/node-7', 'kube/c1/pods/ns/app-1']);
    expect(changes.get('kube/c1/pods/ns/app-1')).toMatchObject({ server: 'srv-2' });
  });
});
