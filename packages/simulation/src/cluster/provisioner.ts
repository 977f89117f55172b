import { quantityBytes } from '@drivebay/api-types';
import { type KubeObject, kubeTime } from '../kube-api/index.js';
import type { CreatedVolume } from './csi-driver.js';
import { type EventSource, involvedObject } from './events.js';
import { STORAGE_PROVISIONER } from './pv-controller.js';
import { binaryQuantity } from './quantity.js';
import { SELECTED_NODE } from './scheduler.js';
import { PROVISIONER } from './seed-cluster.js';
import type { SimContext } from './sim-context.js';
import { claimRef, specOf, uidFor } from './sim-objects.js';

/**
 * The CSI external-provisioner of the simulated cluster: a claim the PV controller handed to it
 * (and, for WaitForFirstConsumer, whose pod has a node) gets a volume through CreateVolume (the
 * class's parameters as the request's) and a PV of the capacity CreateVolume answered, pre-bound
 * to the claim (Pending until the PV controller binds the two). A failure is an Event, retried later.
 */
export class Provisioner {
  private readonly failedAt = new Map<string, number>();
  /** The provisioner's identity, in its event source and on every PV it makes. */
  private readonly identity: string;
  /** The provisioner's event source: its Events on claims and PVs name it. */
  readonly source: EventSource;

  constructor(cluster: string, startedAt: number) {
    this.identity = `${startedAt}-${Number.parseInt(uidFor(cluster).slice(0, 4), 16)}-${PROVISIONER}`;
    this.source = {
      component: `${PROVISIONER}_drivebay-csi-controller-0_${uidFor(`${cluster}/provisioner`)}`,
    };
  }

  async run(ctx: SimContext): Promise<void> {
    for (const claim of ctx.store.list('persistentvolumeclaims')) {
      if (specOf(claim).volumeName || claim.metadata.deletionTimestamp) continue;
      const annotations = claim.metadata.annotations ?? {};
      if (annotations[STORAGE_PROVISIONER] !== PROVISIONER) continue;
      const className = String(specOf(claim).storageClassName ?? '');
      const storageClass = ctx.store.get('storageclasses', { name: className });
      if (!storageClass) continue;
      if (storageClass.volumeBindingMode === 'WaitForFirstConsumer' && !annotations[SELECTED_NODE]) continue;
      const key = `${claim.metadata.namespace}/${claim.metadata.name}`;
      const failedAt = this.failedAt.get(key);
      if (failedAt !== undefined && ctx.now() - failedAt < ctx.options.provisionRetryMs) continue;
      // External-provisioner names PVs "pvc-<claim uid>"; here the uid is derived from the claim's
      // name, so that a restarted simulator asks for the same volume and CreateVolume is idempotent.
      const pvName = `pvc-${uidFor(`${ctx.options.cluster}/${key}`)}`;
      if (ctx.store.get('persistentvolumes', { name: pvName })) continue;
      ctx.events.record(
        this.source,
        involvedObject(claim),
        'Normal',
        'Provisioning',
        `External provisioner is provisioning volume for claim "${key}"`,
      );
      try {
        const volume = await this.createVolume(ctx, claim, storageClass, pvName);
        this.failedAt.delete(key);
        ctx.store.create(
          'persistentvolumes',
          this.persistentVolume(ctx, claim, storageClass, pvName, volume),
        );
        ctx.events.record(
          this.source,
          involvedObject(claim),
          'Normal',
          'ProvisioningSucceeded',
          `Successfully provisioned volume ${pvName}`,
        );
      } catch (error) {
        this.failedAt.set(key, ctx.now());
        ctx.events.record(
          this.source,
          involvedObject(claim),
          'Warning',
          'ProvisioningFailed',
          `failed to provision volume with StorageClass "${className}": ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  /** CreateVolume as external-provisioner sends it, with --extra-create-metadata's parameters. */
  private async createVolume(
    ctx: SimContext,
    claim: KubeObject,
    storageClass: KubeObject,
    pvName: string,
  ): Promise<CreatedVolume> {
    const size = (specOf(claim).resources as { requests?: { storage?: string } })?.requests?.storage;
    const requiredBytes = quantityBytes(String(size ?? '1Gi'));
    if (requiredBytes === null)
      throw new Error(`the claim's storage request "${String(size)}" is not a quantity`);
    return ctx.csi.createVolume({
      name: pvName,
      requiredBytes,
      access: specOf(claim).volumeMode === 'Block' ? 'block' : 'mount',
      parameters: {
        ...((storageClass.parameters as Record<string, string> | undefined) ?? {}),
        'csi.storage.k8s.io/pvc/name': claim.metadata.name,
        'csi.storage.k8s.io/pvc/namespace': claim.metadata.namespace ?? 'default',
        'csi.storage.k8s.io/pv/name': pvName,
      },
    });
  }

  /** The PV as external-provisioner writes it: the capacity CreateVolume made, not the one asked for. */
  private persistentVolume(
    ctx: SimContext,
    claim: KubeObject,
    storageClass: KubeObject,
    pvName: string,
    volume: CreatedVolume,
  ) {
    const ref = claimRef(claim);
    return {
      metadata: {
        name: pvName,
        annotations: {
          'pv.kubernetes.io/provisioned-by': PROVISIONER,
          'volume.kubernetes.io/provisioner-deletion-secret-name': '',
          'volume.kubernetes.io/provisioner-deletion-secret-namespace': '',
        },
        finalizers: ['external-provisioner.volume.kubernetes.io/finalizer', 'kubernetes.io/pv-protection'],
      },
      spec: {
        accessModes: specOf(claim).accessModes ?? ['ReadWriteOnce'],
        capacity: { storage: binaryQuantity(volume.capacityBytes) },
        claimRef: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          name: ref.name,
          namespace: ref.namespace,
          resourceVersion: claim.metadata.resourceVersion,
          uid: claim.metadata.uid,
        },
        csi: {
          driver: PROVISIONER,
          // What the class's Drivebay fsType says (external-provisioner reads csi.storage.k8s.io/fstype).
          fsType: String((storageClass.parameters as Record<string, string> | undefined)?.fsType ?? 'ext4'),
          volumeAttributes: {
            ...volume.volumeContext,
            'storage.kubernetes.io/csiProvisionerIdentity': this.identity,
          },
          volumeHandle: volume.volumeId,
        },
        persistentVolumeReclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
        storageClassName: storageClass.metadata.name,
        volumeMode: specOf(claim).volumeMode ?? 'Filesystem',
      },
      status: { phase: 'Pending', lastPhaseTransitionTime: kubeTime(ctx.now()) },
    };
  }
}
