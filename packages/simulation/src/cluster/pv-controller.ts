import { type KubeObject, kubeTime } from '../kube-api/index.js';
import { involvedObject, SOURCES } from './events.js';
import { SELECTED_NODE } from './scheduler.js';
import type { SimContext } from './sim-context.js';
import { claimRef, specOf, statusOf } from './sim-objects.js';

/** The annotations by which the PV controller hands a claim to its class's external provisioner. */
export const STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
const BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';

/**
 * The PV controller of the simulated cluster. A claim of a WaitForFirstConsumer class waits for
 * its pod to be scheduled; then (or at once, for Immediate) it is handed to the class's external
 * provisioner by annotation. A PV pre-bound to a claim (as the provisioner makes them) is bound:
 * the claim gets volumeName, the bind annotations, and the PV's capacity as its own.
 */
export class PvController {
  private readonly announced = new Map<string, string>();

  run(ctx: SimContext): void {
    for (const claim of ctx.store.list('persistentvolumeclaims')) {
      if (specOf(claim).volumeName || claim.metadata.deletionTimestamp) continue;
      const pv = ctx.store
        .list('persistentvolumes')
        .find((v) => (specOf(v).claimRef as { uid?: string } | undefined)?.uid === claim.metadata.uid);
      if (pv) bind(ctx, claim, pv);
      else this.handOver(ctx, claim);
    }
  }

  private handOver(ctx: SimContext, claim: KubeObject): void {
    const storageClass = ctx.store.get('storageclasses', {
      name: String(specOf(claim).storageClassName ?? ''),
    });
    if (!storageClass) return;
    const annotations = claim.metadata.annotations ?? {};
    const waiting = storageClass.volumeBindingMode === 'WaitForFirstConsumer' && !annotations[SELECTED_NODE];
    const step = waiting ? 'WaitForFirstConsumer' : 'ExternalProvisioning';
    // The controller repeats these on every resync; once per step is what the operator needs.
    if (this.announced.get(claim.metadata.uid ?? '') !== step) {
      this.announced.set(claim.metadata.uid ?? '', step);
      ctx.events.record(
        SOURCES.persistentVolume,
        involvedObject(claim),
        'Normal',
        step,
        waiting
          ? 'waiting for first consumer to be created before binding'
          : `Waiting for a volume to be created either by the external provisioner '${String(storageClass.provisioner)}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      );
    }
    if (waiting || annotations[STORAGE_PROVISIONER]) return;
    const provisioner = String(storageClass.provisioner);
    ctx.store.update('persistentvolumeclaims', claimRef(claim), (current) => ({
      ...current,
      metadata: {
        ...current.metadata,
        annotations: {
          ...(current.metadata.annotations ?? {}),
          [BETA_STORAGE_PROVISIONER]: provisioner,
          [STORAGE_PROVISIONER]: provisioner,
        },
      },
    }));
  }
}

function bind(ctx: SimContext, claim: KubeObject, pv: KubeObject): void {
  const at = kubeTime(ctx.now());
  if (statusOf(pv).phase !== 'Bound')
    ctx.store.update('persistentvolumes', { name: pv.metadata.name }, (current) => ({
      ...current,
      status: { phase: 'Bound', lastPhaseTransitionTime: at },
    }));
  ctx.store.update('persistentvolumeclaims', claimRef(claim), (current) => ({
    ...current,
    metadata: {
      ...current.metadata,
      annotations: {
        ...(current.metadata.annotations ?? {}),
        'pv.kubernetes.io/bind-completed': 'yes',
        'pv.kubernetes.io/bound-by-controller': 'yes',
      },
    },
    spec: { ...specOf(current), volumeName: pv.metadata.name },
    status: {
      phase: 'Bound',
      accessModes: specOf(pv).accessModes,
      capacity: (specOf(pv).capacity as Record<string, string> | undefined) ?? {},
    },
  }));
}
