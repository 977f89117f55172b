import type { KubeObject } from '../kube-api/index.js';
import type { SimContext } from './sim-context.js';
import { claimNamesOf, claimRef, statusOf } from './sim-objects.js';

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
const PV_PROTECTION = 'kubernetes.io/pv-protection';

/**
 * The PVC-protection controller: a deleted claim stays (Terminating) while a pod that is not
 * finished still uses it, so a workload's data is never pulled from under it; then its finalizer
 * goes and the apiserver removes it. Its sibling, PV protection, lets a deleted PV go once no
 * claim is bound to it.
 */
export class PvcProtection {
  run(ctx: SimContext): void {
    const inUse = new Set<string>();
    for (const pod of ctx.store.list('pods')) {
      if (isFinished(pod)) continue;
      for (const name of claimNamesOf(pod)) inUse.add(`${pod.metadata.namespace}/${name}`);
    }
    for (const claim of ctx.store.list('persistentvolumeclaims')) {
      if (!claim.metadata.deletionTimestamp) continue;
      if (!(claim.metadata.finalizers ?? []).includes(PVC_PROTECTION)) continue;
      if (inUse.has(`${claim.metadata.namespace}/${claim.metadata.name}`)) continue;
      ctx.store.update('persistentvolumeclaims', claimRef(claim), (current) => ({
        ...current,
        metadata: {
          ...current.metadata,
          finalizers: (current.metadata.finalizers ?? []).filter((f) => f !== PVC_PROTECTION),
        },
      }));
    }
    for (const pv of ctx.store.list('persistentvolumes')) {
      if (!pv.metadata.deletionTimestamp || statusOf(pv).phase === 'Bound') continue;
      if (!(pv.metadata.finalizers ?? []).includes(PV_PROTECTION)) continue;
      ctx.store.update('persistentvolumes', { name: pv.metadata.name }, (current) => ({
        ...current,
        metadata: {
          ...current.metadata,
          finalizers: (current.metadata.finalizers ?? []).filter((f) => f !== PV_PROTECTION),
        },
      }));
    }
  }
}

function isFinished(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}
