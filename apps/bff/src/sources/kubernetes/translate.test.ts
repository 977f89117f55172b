import type { Server } from '@drivebay/api-types';
import * as composer from '@drivebay/composer';
import { ServerLookup } from '@drivebay/composer';
import type { V1Node, V1PersistentVolume, V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { claimObject, nodeObject, podObject, volumeObject } from './translate.js';

/**
 * The API's objects, translated as the podwatcher does, then described by the composer: what a
 * real cluster's objects become in the store.
 */
const describeNode = (cluster: string, node: V1Node, servers: ServerLookup) =>
  composer.describeNode(cluster, nodeObject(node), servers);
const describeClaim = (
  cluster: string,
  claim: V1PersistentVolumeClaim,
  pvs: Map<string, V1PersistentVolume>,
) =>
  composer.describeClaim(
    cluster,
    claimObject(claim),
    new Map([...pvs].map(([name, pv]) => [name, volumeObject(pv)])),
  );
const describePod = (
  cluster: string,
  pod: V1Pod,
  nodes: Parameters<typeof composer.describePod>[2],
  claims: Parameters<typeof composer.describePod>[3],
) => composer.describePod(cluster, podObject(pod), nodes, claims);
const workloadOf = (pod: V1Pod) => composer.workloadOf(podObject(pod));

const server = (id: string, hostname: string): Server => ({
  id,
  hostname,
  rack: 'r1',
  transports: ['iscsi'],
  state: 'up',
});
const servers = new ServerLookup([server('srv-a', 'host-a.dc1.example'), server('srv-b', 'host-b')]);
const node = (name: string, labels: Record<string, string> = {}): V1Node => ({
  metadata: { name, uid: `uid-${name}`, labels },
  status: { conditions: [{ type: 'Ready', status: 'True' }] },
});

describe('nodes to servers', () => {
  it('matches by the drivebay.io/server label first', () => {
    expect(describeNode('c1', node('whatever', { 'drivebay.io/server': 'srv-b' }), servers)).toMatchObject({
      server: 'srv-b',
      matchedBy: 'label',
      ready: true,
    });
  });

  it('matches by hostname (full or short) or by server id when there is no label', () => {
    expect(describeNode('c1', node('host-a.dc1.example'), servers).server).toBe('srv-a');
    expect(describeNode('c1', node('HOST-B'), servers).server).toBe('srv-b');
    expect(describeNode('c1', node('srv-a'), servers)).toMatchObject({ server: 'srv-a', matchedBy: 'name' });
    expect(describeNode('c1', node('host-b.other.domain'), servers).server).toBe('srv-b');
  });

  it('leaves an unknown node unmatched, and a label naming no server falls back to the name', () => {
    expect(describeNode('c1', node('elsewhere'), servers)).toMatchObject({ server: null, matchedBy: null });
    expect(describeNode('c1', node('host-b', { 'drivebay.io/server': 'srv-gone' }), servers)).toMatchObject({
      server: 'srv-b',
      matchedBy: 'name',
    });
  });
});

const pv = (name: string, driver: string, handle: string): V1PersistentVolume => ({
  metadata: { name },
  spec: { csi: { driver, volumeHandle: handle } },
});
const claim = (name: string, volumeName?: string): V1PersistentVolumeClaim => ({
  metadata: { name, namespace: 'db', uid: `uid-${name}` },
  spec: {
    storageClassName: 'drivebay-slice',
    resources: { requests: { storage: '10Gi' } },
    ...(volumeName && { volumeName }),
  },
  status: { phase: volumeName ? 'Bound' : 'Pending' },
});

describe('claims to volumes', () => {
  const pvs = new Map([
    ['pv-ours', pv('pv-ours', 'csi.drivebay.io', 'pvc-1234')],
    ['pv-theirs', pv('pv-theirs', 'ebs.csi.aws.com', 'vol-0abc')],
  ]);

  it('resolves a Drivebay PV to its composer volume through the volumeHandle', () => {
    expect(describeClaim('c1', claim('data', 'pv-ours'), pvs)).toMatchObject({
      phase: 'Bound',
      pv: 'pv-ours',
      driver: 'csi.drivebay.io',
      volumeHandle: 'pvc-1234',
      volumeId: 'pvc-1234',
      requestBytes: 10 * 1024 ** 3,
    });
  });

  it('records another driver’s PV without a volume, and a pending claim without a PV', () => {
    expect(describeClaim('c1', claim('other', 'pv-theirs'), pvs)).toMatchObject({
      driver: 'ebs.csi.aws.com',
      volumeId: null,
    });
    expect(describeClaim('c1', claim('waiting'), pvs)).toMatchObject({
      phase: 'Pending',
      pv: null,
      volumeId: null,
    });
    expect(describeClaim('c1', claim('dangling', 'pv-missing'), pvs)).toMatchObject({
      pv: 'pv-missing',
      driver: null,
    });
  });
});

describe('pods', () => {
  const pod = (over: Partial<V1Pod['metadata']> = {}): V1Pod => ({
    metadata: { name: 'web-7d9f8-abcde', namespace: 'db', uid: 'u1', ...over },
    spec: {
      nodeName: 'host-b',
      containers: [{ name: 'a' }, { name: 'b' }],
      volumes: [
        { name: 'd', persistentVolumeClaim: { claimName: 'data' } },
        { name: 'tmp', emptyDir: {} },
      ],
    },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [
        { name: 'a', restartCount: 2, ready: true, image: '', imageID: '' },
        { name: 'b', restartCount: 1, ready: true, image: '', imageID: '' },
      ],
    },
  });
  const nodes = new Map([['host-b', describeNode('c1', node('host-b'), servers)]]);
  const claims = (_ns: string, name: string) =>
    name === 'data'
      ? describeClaim(
          'c1',
          claim('data', 'pv-ours'),
          new Map([['pv-ours', pv('pv-ours', 'csi.drivebay.io', 'pvc-1234')]]),
        )
      : undefined;

  it('binds a pod to its node’s server and its claims’ volumes, summing restarts', () => {
    expect(describePod('c1', pod(), nodes, claims)).toMatchObject({
      phase: 'Running',
      ready: true,
      restarts: 3,
      node: 'host-b',
      server: 'srv-b',
      claims: ['data'],
      volumeIds: ['pvc-1234'],
    });
  });

  it('says Terminating once deletion began', () => {
    expect(describePod('c1', pod({ deletionTimestamp: new Date() }), nodes, claims).phase).toBe(
      'Terminating',
    );
  });

  it('names the Deployment behind a ReplicaSet by its pod-template-hash, other owners as they are', () => {
    const owned = (kind: string, name: string, hash?: string): V1Pod => ({
      metadata: {
        name: 'x',
        ...(hash && { labels: { 'pod-template-hash': hash } }),
        ownerReferences: [{ apiVersion: 'apps/v1', kind, name, uid: 'o', controller: true }],
      },
    });
    expect(workloadOf(owned('ReplicaSet', 'frontend-7d9f8', '7d9f8'))).toEqual({
      kind: 'Deployment',
      name: 'frontend',
    });
    expect(workloadOf(owned('ReplicaSet', 'standalone-rs'))).toEqual({
      kind: 'ReplicaSet',
      name: 'standalone-rs',
    });
    expect(workloadOf(owned('StatefulSet', 'cassandra'))).toEqual({ kind: 'StatefulSet', name: 'cassandra' });
    expect(workloadOf({ metadata: { name: 'bare' } })).toBeNull();
  });
});
