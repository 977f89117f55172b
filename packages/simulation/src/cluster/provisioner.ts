import { VolumeRequestSchema } from '@drivebay/api-types';
import { quantityBytes } from '@drivebay/composer';
import { PROVISIONER } from './seed-cluster.js';
import type { SimContext } from './sim-context.js';
import { claimRef, specOf, uidFor } from './sim-objects.js';

/**
 * The CSI external-provisioner of the simulated cluster: a Pending PVC of one of Drivebay's storage
 * classes gets a volume through CreateVolume (the class's parameters as the request's), a PV naming
 * it by volumeHandle, and its binding; a failure is an Event and is tried again later.
 */
export class Provisioner {
  private readonly failedAt = new Map<string, number>();

  async run(ctx: SimContext): Promise<void> {
    for (const claim of ctx.store.list('persistentvolumeclaims')) {
      if (specOf(claim).volumeName) continue;
      const className = String(specOf(claim).storageClassName ?? '');
      const storageClass = ctx.store.get('storageclasses', { name: className });
      if (!storageClass || storageClass.provisioner !== PROVISIONER) continue;
      const key = `${claim.metadata.namespace}/${claim.metadata.name}`;
      const failedAt = this.failedAt.get(key);
      if (failedAt !== undefined && Date.now() - failedAt < ctx.options.provisionRetryMs) continue;
      // External-provisioner names PVs "pvc-<claim uid>"; here the uid is derived from the claim's
      // name, so that a restarted simulator asks for the same volume and CreateVolume is idempotent.
      const pvName = `pvc-${uidFor(`${ctx.options.cluster}/${key}`)}`;
      const size = String(
        (specOf(claim).resources as { requests?: { storage?: string } })?.requests?.storage ?? '1Gi',
      );
      try {
        const request = VolumeRequestSchema.parse({
          name: pvName,
          capacityBytes: quantityBytes(size),
          cluster: ctx.options.cluster,
          reclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
          parameters: storageClass.parameters ?? {},
        });
        const { volume } = await ctx.csi.compose(request, ctx.actor);
        this.failedAt.delete(key);
        if (!ctx.store.get('persistentvolumes', { name: pvName })) {
          ctx.store.create('persistentvolumes', {
            metadata: {
              name: pvName,
              annotations: { 'pv.kubernetes.io/provisioned-by': PROVISIONER },
            },
            spec: {
              capacity: { storage: size },
              accessModes: ['ReadWriteOnce'],
              persistentVolumeReclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
              storageClassName: className,
              claimRef: {
                kind: 'PersistentVolumeClaim',
                apiVersion: 'v1',
                namespace: claim.metadata.namespace,
                name: claim.metadata.name,
                uid: claim.metadata.uid,
              },
              csi: {
                driver: PROVISIONER,
                volumeHandle: volume.id,
                fsType: volume.request.parameters.fsType,
                volumeAttributes: { layout: volume.layout, media: volume.media },
              },
              volumeMode: 'Filesystem',
            },
            status: { phase: 'Bound' },
          });
        }
        ctx.store.update(
          'persistentvolumeclaims',
          { name: claim.metadata.name, namespace: claim.metadata.namespace },
          (current) => ({
            ...current,
            spec: { ...specOf(current), volumeName: pvName },
            status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: size } },
          }),
        );
        ctx.event(
          claimRef(claim),
          'Normal',
          'ProvisioningSucceeded',
          `Successfully provisioned volume ${pvName} (${volume.layout} on ${volume.members.length} ${volume.media} member(s))`,
        );
      } catch (error) {
        this.failedAt.set(key, Date.now());
        ctx.event(
          claimRef(claim),
          'Warning',
          'ProvisioningFailed',
          `failed to provision volume with StorageClass "${className}": ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}
