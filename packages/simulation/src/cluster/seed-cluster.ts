import type { Server } from '@drivebay/api-types';
import { DRIVEBAY_DRIVER } from '@drivebay/composer';
import { kubeTime, type ObjectStore } from '../kube-api/index.js';
import { simulatedNode } from './node-object.js';

/** The provisioner of Drivebay's storage classes: its CSI driver. */
export const PROVISIONER = DRIVEBAY_DRIVER;

/** DriveScale's StorageClass options (seed 002, slides 31–32) as a cluster would carry them. */
const STORAGE_CLASSES: readonly { name: string; isDefault?: boolean; parameters: Record<string, string> }[] =
  [
    { name: 'drivebay-hdd', parameters: { type: 'hdd', redundancy: 'false', striping: 'true' } },
    {
      name: 'drivebay-hdd-mirrored',
      parameters: { type: 'hdd', redundancy: 'true', sgResiliency: 'true', jbodResiliency: 'true' },
    },
    { name: 'drivebay-ssd', parameters: { type: 'ssd', fsType: 'xfs' } },
    { name: 'drivebay-slice', isDefault: true, parameters: { type: 'slice', fsType: 'ext4' } },
  ];

/**
 * Only slice volumes grow (the composer's ControllerExpandVolume refuses whole-drive volumes), so
 * only a class of slices may promise expansion.
 */
const canExpand = (parameters: Record<string, string>) => parameters.type === 'slice';

/**
 * Gives the simulated cluster what a real one has before any workload: a node for every simulated
 * server (named by its hostname, labelled with the server id) and Drivebay's storage classes.
 * Idempotent: what exists is left as it is, so a restart does not duplicate or reset anything.
 */
export function seedSimulatedCluster(
  store: ObjectStore,
  servers: readonly Server[],
  now = Date.now(),
): { nodes: number } {
  for (const [index, server] of servers.entries()) {
    if (store.get('nodes', { name: server.hostname })) continue;
    store.create('nodes', simulatedNode(server, index, kubeTime(now)));
  }
  for (const sc of STORAGE_CLASSES) {
    if (store.get('storageclasses', { name: sc.name })) continue;
    store.create('storageclasses', {
      metadata: {
        name: sc.name,
        ...(sc.isDefault && { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }),
      },
      provisioner: PROVISIONER,
      parameters: sc.parameters,
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      ...(canExpand(sc.parameters) && { allowVolumeExpansion: true }),
    });
  }
  return { nodes: servers.length };
}
