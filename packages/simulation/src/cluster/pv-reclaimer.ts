import type { KubeObject } from '../kube-api/index.js';
import { kubeTime } from '../kube-api/index.js';
import { type EventSource, involvedObject, SOURCES } from './events.js';
import { PROVISIONER } from './seed-cluster.js';
import type { SimContext } from './sim-context.js';
import { specOf, statusOf } from './sim-objects.js';

const PROVISIONER_FINALIZER = 'external-provisioner.volume.kubernetes.io/finalizer';

/**
 * What happens to a PV whose claim is gone, as the PV controller and the external-provisioner
 * split it: the PV turns Released; with reclaim policy Delete the provisioner calls DeleteVolume
 * and, once Drivebay has let the volume go, removes the PV. A Retain PV stays Released for an
 * administrator. A DeleteVolume that fails (the volume still attached, say) is an Event on the PV
 * and is tried again later.
 */
export class PvReclaimer {
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly provisioner: EventSource) {}

  async run(ctx: SimContext): Promise<void> {
    for (const pv of ctx.store.list('persistentvolumes')) {
      if (specOf(pv).storageClassName === undefined) continue;
      const csi = specOf(pv).csi as { driver?: string; volumeHandle?: string } | undefined;
      if (csi?.driver !== PROVISIONER || !csi.volumeHandle) continue;
      if (!this.claimGone(ctx, pv)) continue;
      if (statusOf(pv).phase !== 'Released' && statusOf(pv).phase !== 'Failed') this.release(ctx, pv);
      if (specOf(pv).persistentVolumeReclaimPolicy !== 'Delete') continue;
      await this.delete(ctx, pv, csi.volumeHandle);
    }
  }

  /** The claim the PV was bound to no longer exists (by uid: a new claim of that name is another). */
  private claimGone(ctx: SimContext, pv: KubeObject): boolean {
    const ref = specOf(pv).claimRef as { name?: string; namespace?: string; uid?: string } | undefined;
    if (!ref?.name) return false;
    const claim = ctx.store.get('persistentvolumeclaims', { name: ref.name, namespace: ref.namespace });
    return !claim || claim.metadata.uid !== ref.uid;
  }

  private release(ctx: SimContext, pv: KubeObject): void {
    ctx.store.update('persistentvolumes', { name: pv.metadata.name }, (current) => ({
      ...current,
      status: { phase: 'Released', lastPhaseTransitionTime: kubeTime(ctx.now()) },
    }));
    if (specOf(pv).persistentVolumeReclaimPolicy === 'Retain')
      ctx.events.record(
        SOURCES.persistentVolume,
        involvedObject(pv),
        'Normal',
        'VolumeReleased',
        `Volume ${pv.metadata.name} is released; reclaim policy Retain keeps its data until an administrator deletes it`,
      );
  }

  private async delete(ctx: SimContext, pv: KubeObject, handle: string): Promise<void> {
    const name = pv.metadata.name;
    const failedAt = this.failedAt.get(name);
    if (failedAt !== undefined && ctx.now() - failedAt < ctx.options.provisionRetryMs) return;
    try {
      await ctx.csi.deleteVolume(handle);
    } catch (error) {
      this.failedAt.set(name, ctx.now());
      ctx.events.record(
        this.provisioner,
        involvedObject(pv),
        'Warning',
        'VolumeFailedDelete',
        error instanceof Error ? error.message : String(error),
      );
      return;
    }
    this.failedAt.delete(name);
    // The provisioner's finalizer goes with the volume, pv-protection's with the claim: the PV is removed.
    ctx.store.update('persistentvolumes', { name }, (current) => ({
      ...current,
      metadata: {
        ...current.metadata,
        finalizers: (current.metadata.finalizers ?? []).filter(
          (f) => f !== PROVISIONER_FINALIZER && f !== 'kubernetes.io/pv-protection',
        ),
      },
    }));
    if (ctx.store.get('persistentvolumes', { name })) ctx.store.delete('persistentvolumes', { name });
  }
}
