import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube-api/index.js';
import { statefulSet, TestCluster } from '../testing/test-cluster.js';
import { SELECTED_NODE } from './scheduler.js';
import { specOf, statusOf } from './sim-objects.js';

const claimOf = (cluster: TestCluster, name = 'data-cassandra-0') =>
  cluster.store.get('persistentvolumeclaims', { name, namespace: 'db' });
const phaseOf = (object: KubeObject | undefined) => statusOf(object ?? ({} as KubeObject)).phase;
const running = (cluster: TestCluster) => () => phaseOf(cluster.pod('cassandra-0')) === 'Running';

/** A claim no pod uses, already handed a node (as WaitForFirstConsumer would once its pod was scheduled). */
function standaloneClaim(cluster: TestCluster, name: string): void {
  if (!cluster.store.get('namespaces', { name: 'db' }))
    cluster.store.create('namespaces', { metadata: { name: 'db' } });
  cluster.store.create('persistentvolumeclaims', {
    metadata: { name, namespace: 'db', annotations: { [SELECTED_NODE]: 'node-1' } },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'drivebay-slice',
      resources: { requests: { storage: '10Gi' } },
      volumeMode: 'Filesystem',
    },
  });
}

function growClaim(cluster: TestCluster, storage: string): void {
  cluster.store.update('persistentvolumeclaims', { name: 'data-cassandra-0', namespace: 'db' }, (claim) => ({
    ...claim,
    spec: { ...specOf(claim), resources: { requests: { storage } } },
  }));
}

describe('deleting a claim of the simulated cluster', () => {
  it('keeps a claim a running pod uses (Terminating), and its PV and volume with it', async () => {
    const cluster = new TestCluster([statefulSet(1, 'drivebay-slice')]);
    await cluster.tickUntil(running(cluster), 'cassandra-0 Running');
    cluster.store.beginDelete('persistentvolumeclaims', { name: 'data-cassandra-0', namespace: 'db' }, 0);
    for (let i = 0; i < 5; i++) await cluster.sim.tick();
    const claim = claimOf(cluster);
    expect(claim?.metadata.deletionTimestamp).toBeDefined();
    expect(phaseOf(claim)).toBe('Bound');
    expect(cluster.store.list('persistentvolumes')).toHaveLength(1);
    expect(cluster.csi.calls.filter((c) => c.startsWith('DeleteVolume'))).toEqual([]);
  });

  it('releases the PV of a deleted claim no pod uses, calls DeleteVolume and removes the PV', async () => {
    const cluster = new TestCluster([]);
    standaloneClaim(cluster, 'scratch');
    await cluster.tickUntil(() => phaseOf(claimOf(cluster, 'scratch')) === 'Bound', 'the claim bound');
    const pvName = String(specOf(claimOf(cluster, 'scratch') as KubeObject).volumeName);
    expect(cluster.csi.volumes.has(pvName)).toBe(true);

    cluster.store.beginDelete('persistentvolumeclaims', { name: 'scratch', namespace: 'db' }, 0);
    await cluster.tickUntil(() => cluster.store.list('persistentvolumes').length === 0, 'the PV removed');
    expect(claimOf(cluster, 'scratch')).toBeUndefined();
    expect(cluster.csi.calls).toContain(`DeleteVolume ${pvName}`);
    expect(cluster.csi.volumes.has(pvName)).toBe(false);
  });

  it('leaves a Retain PV Released, its volume kept', async () => {
    const cluster = new TestCluster([]);
    standaloneClaim(cluster, 'keep');
    await cluster.tickUntil(() => phaseOf(claimOf(cluster, 'keep')) === 'Bound', 'the claim bound');
    const pvName = String(specOf(claimOf(cluster, 'keep') as KubeObject).volumeName);
    cluster.store.update('persistentvolumes', { name: pvName }, (pv) => ({
      ...pv,
      spec: { ...specOf(pv), persistentVolumeReclaimPolicy: 'Retain' },
    }));
    cluster.store.beginDelete('persistentvolumeclaims', { name: 'keep', namespace: 'db' }, 0);
    await cluster.tickUntil(
      () => phaseOf(cluster.store.get('persistentvolumes', { name: pvName })) === 'Released',
      'the PV released',
    );
    for (let i = 0; i < 5; i++) await cluster.sim.tick();
    expect(cluster.store.get('persistentvolumes', { name: pvName })).toBeDefined();
    expect(cluster.csi.volumes.has(pvName)).toBe(true);
    expect(cluster.eventsOf('PersistentVolume', pvName)).toEqual([
      `VolumeReleased: Volume ${pvName} is released; reclaim policy Retain keeps its data until an administrator deletes it`,
    ]);
  });
});

describe('growing a claim of the simulated cluster', () => {
  it('expands a mounted slice volume through ControllerExpandVolume, then NodeExpandVolume on its node', async () => {
    const cluster = new TestCluster([statefulSet(1, 'drivebay-slice')]);
    await cluster.tickUntil(running(cluster), 'cassandra-0 Running');
    const pvName = String(specOf(claimOf(cluster) as KubeObject).volumeName);
    growClaim(cluster, '600Gi');
    await cluster.tickUntil(
      () => (statusOf(claimOf(cluster) as KubeObject).capacity as { storage?: string })?.storage === '600Gi',
      'the claim at 600Gi',
    );
    const calls = cluster.csi.calls.filter((c) => c.includes('Expand'));
    expect(calls).toEqual([
      `ControllerExpandVolume ${pvName} ${600 * 1024 ** 3}`,
      expect.stringMatching(new RegExp(`^NodeExpandVolume ${pvName} node-\\d$`)),
    ]);
    expect(specOf(cluster.store.get('persistentvolumes', { name: pvName }) as KubeObject).capacity).toEqual({
      storage: '600Gi',
    });
    expect(statusOf(claimOf(cluster) as KubeObject).conditions).toBeUndefined();
    expect(cluster.eventsOf('PersistentVolumeClaim', 'data-cassandra-0').slice(-2)).toEqual([
      `Resizing: External resizer is resizing volume ${pvName}`,
      'FileSystemResizeRequired: Require file system resize of volume on node',
    ]);
    expect(cluster.eventsOf('Pod', 'cassandra-0')).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^FileSystemResizeSuccessful: MountVolume.NodeExpandVolume succeeded for volume "${pvName}"`,
        ),
      ),
    );
  });

  it('records the refusal to grow a whole-drive volume, and leaves the claim as it was', async () => {
    const cluster = new TestCluster([statefulSet(1, 'drivebay-hdd')]);
    await cluster.tickUntil(running(cluster), 'cassandra-0 Running');
    const before = statusOf(claimOf(cluster) as KubeObject).capacity;
    growClaim(cluster, '3Ti');
    await cluster.tickUntil(
      () =>
        cluster
          .eventsOf('PersistentVolumeClaim', 'data-cassandra-0')
          .some((e) => e.startsWith('VolumeResizeFailed:')),
      'the resize refused',
    );
    expect(cluster.eventsOf('PersistentVolumeClaim', 'data-cassandra-0').at(-1)).toMatch(
      /^VolumeResizeFailed: resize volume "pvc-[0-9a-f-]+" by resizer "csi\.drivebay\.io" failed: .*only slice volumes grow/,
    );
    expect(statusOf(claimOf(cluster) as KubeObject).capacity).toEqual(before);
    expect(cluster.csi.calls.filter((c) => c.startsWith('NodeExpandVolume'))).toEqual([]);
  });
});
