import { describe, expect, it } from 'vitest';
import { FAKE_DRIVE_BYTES } from '../testing/fake-csi.js';
import { statefulSet, TestCluster } from '../testing/test-cluster.js';
import { binaryQuantity } from './quantity.js';

const bound = (cluster: TestCluster) => () =>
  (cluster.store.list('persistentvolumeclaims')[0]?.status as { phase?: string } | undefined)?.phase ===
  'Bound';

describe('binaryQuantity', () => {
  it('writes bytes in the largest binary unit that divides them, as BinarySI quantities print', () => {
    expect(binaryQuantity(500 * 1024 ** 3)).toBe('500Gi');
    expect(binaryQuantity(2 * 1024 ** 4)).toBe('2Ti');
    expect(binaryQuantity(2_400_000_000_000)).toBe('2343750000Ki');
    expect(binaryQuantity(1023)).toBe('1023');
    expect(binaryQuantity(1_500_000_000_001)).toBe('1500000000001');
  });
});

describe('the simulated external-provisioner and PV controller', () => {
  it('give the PV and the claim the capacity CreateVolume made, not the one asked for', async () => {
    const cluster = new TestCluster([statefulSet(1, 'drivebay-hdd-mirrored')]);
    await cluster.tickUntil(bound(cluster), 'the claim bound');
    const [pv] = cluster.store.list('persistentvolumes');
    const [claim] = cluster.store.list('persistentvolumeclaims');
    expect(cluster.csi.get(String(pv?.metadata.name)).capacityBytes).toBe(FAKE_DRIVE_BYTES);
    expect(pv?.spec).toMatchObject({ capacity: { storage: '2343750000Ki' } });
    expect(claim?.spec).toMatchObject({ resources: { requests: { storage: '500Gi' } } });
    expect(claim?.status).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '2343750000Ki' },
    });
  });

  it('binds a WaitForFirstConsumer claim only once its pod has a node, with the annotations that say so', async () => {
    const cluster = new TestCluster([statefulSet(1, 'drivebay-slice')]);
    await cluster.tickUntil(bound(cluster), 'the claim bound');
    const [claim] = cluster.store.list('persistentvolumeclaims');
    const [pv] = cluster.store.list('persistentvolumes');
    expect(claim?.metadata.annotations).toEqual({
      'volume.kubernetes.io/selected-node': expect.stringMatching(/^node-\d$/),
      'volume.beta.kubernetes.io/storage-provisioner': 'csi.drivebay.io',
      'volume.kubernetes.io/storage-provisioner': 'csi.drivebay.io',
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
    });
    expect(claim?.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(pv?.metadata.finalizers).toEqual([
      'external-provisioner.volume.kubernetes.io/finalizer',
      'kubernetes.io/pv-protection',
    ]);
    expect(pv?.spec).toMatchObject({
      capacity: { storage: '500Gi' },
      claimRef: { name: 'data-cassandra-0', namespace: 'db', uid: claim?.metadata.uid },
    });
    expect(cluster.eventsOf('PersistentVolumeClaim', 'data-cassandra-0')).toEqual([
      'WaitForFirstConsumer: waiting for first consumer to be created before binding',
      expect.stringMatching(
        /^ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'csi\.drivebay\.io'/,
      ),
      'Provisioning: External provisioner is provisioning volume for claim "db/data-cassandra-0"',
      `ProvisioningSucceeded: Successfully provisioned volume ${pv?.metadata.name}`,
    ]);
  });
});
