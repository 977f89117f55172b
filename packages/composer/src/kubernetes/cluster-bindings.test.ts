import type { Server } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { type BindingChanges, ClusterBindings, describeCluster } from './cluster-bindings.js';
import { ServerLookup } from './describe.js';
import type {
  ClaimObject,
  NodeObject,
  PodObject,
  VolumeObject,
  WatchedKind,
  WatchedObject,
} from './objects.js';

const servers = new ServerLookup(
  [0, 1, 2].map(
    (i): Server => ({ id: `srv-${i}`, hostname: `node-${i}`, rack: 'r', transports: ['iscsi'], state: 'up' }),
  ),
);
const node = (i: number, label?: number): NodeObject => ({
  name: `node-${i}`,
  uid: `n${i}`,
  labels: label === undefined ? {} : { 'drivebay.io/server': `srv-${label}` },
  ready: true,
});
const pv = (i: number, handle: string): VolumeObject => ({
  name: `pv-${i}`,
  driver: 'csi.drivebay.io',
  volumeHandle: handle,
});
const claim = (i: number, pvIndex?: number): ClaimObject => ({
  namespace: 'ns',
  name: `data-${i}`,
  uid: `c${i}`,
  phase: pvIndex === undefined ? 'Pending' : 'Bound',
  storageClass: null,
  request: null,
  volumeName: pvIndex === undefined ? null : `pv-${pvIndex}`,
});
const pod = (i: number, nodeIndex: number, claims: number[]): PodObject => ({
  namespace: 'ns',
  name: `app-${i}`,
  uid: `p${i}`,
  nodeName: `node-${nodeIndex}`,
  claimNames: claims.map((c) => `data-${c}`),
  phase: 'Running',
  deleting: false,
  ready: true,
  restarts: 0,
  owners: [],
  templateHash: null,
  startedAt: null,
});

/** A seeded pseudo-random sequence, so a failure replays. */
function random(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
}

/** Every record in changes, by kind and id, with the deletes applied to `view`. */
function applyTo(view: Map<string, unknown>, changes: BindingChanges): void {
  for (const kind of ['nodes', 'claims', 'pods'] as const) {
    for (const [id, record] of changes[kind] as Map<string, unknown>) {
      if (record) view.set(`${kind}:${id}`, record);
      else view.delete(`${kind}:${id}`);
    }
  }
}

const keyOf = (o: WatchedObject) => `${'namespace' in o ? o.namespace : ''}/${o.name}`;

describe('ClusterBindings', () => {
  it('after any sequence of changes, holds exactly what describing the whole cluster gives', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const pick = random(seed);
      const incremental = new ClusterBindings('c1', servers);
      const current: Record<WatchedKind, Map<string, WatchedObject>> = {
        nodes: new Map(),
        pvs: new Map(),
        claims: new Map(),
        pods: new Map(),
      };
      const view = new Map<string, unknown>();
      for (let step = 0; step < 300; step++) {
        const kinds: WatchedKind[] = ['nodes', 'pvs', 'claims', 'pods'];
        const kind = kinds[pick(4)] as WatchedKind;
        const i = pick(4);
        const object: WatchedObject =
          kind === 'nodes'
            ? node(i, pick(3) === 0 ? undefined : pick(3))
            : kind === 'pvs'
              ? pv(i, `vol-${pick(3)}`)
              : kind === 'claims'
                ? claim(i, pick(3) === 0 ? undefined : pick(4))
                : pod(i, pick(4), pick(2) === 0 ? [] : [pick(4)]);
        const key = keyOf(object);
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
        if (pick(3) === 0) applyTo(view, incremental.takeChanges());
      }
      applyTo(view, incremental.takeChanges());
      const whole = new Map<string, unknown>();
      applyTo(
        whole,
        describeCluster(
          'c1',
          {
            nodes: [...current.nodes.values()] as NodeObject[],
            pvs: [...current.pvs.values()] as VolumeObject[],
            claims: [...current.claims.values()] as ClaimObject[],
            pods: [...current.pods.values()] as PodObject[],
          },
          servers,
        ),
      );
      expect(new Map([...view].sort()), `seed ${seed}`).toEqual(new Map([...whole].sort()));
    }
  });

  it('re-describes the pods of a node whose server match changed, and only what changed', () => {
    const incremental = new ClusterBindings('c1', servers);
    incremental.upsert('nodes', node(7));
    incremental.upsert('pods', pod(1, 7, []));
    incremental.upsert('pods', pod(2, 0, []));
    incremental.takeChanges();
    incremental.upsert('nodes', node(7, 2));
    const changes = incremental.takeChanges();
    expect([...changes.nodes.keys()]).toEqual(['c1/node-7']);
    expect([...changes.pods.keys()]).toEqual(['c1/ns/app-1']);
    expect(changes.pods.get('c1/ns/app-1')).toMatchObject({ server: 'srv-2' });
  });
});
