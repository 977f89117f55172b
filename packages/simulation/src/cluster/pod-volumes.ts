import type { Volume } from '@drivebay/api-types';
import type { KubeObject } from '../kube-api/index.js';
import type { SimContext } from './sim-context.js';
import { claimNamesOf, specOf } from './sim-objects.js';

// What a pod's PVC volumes are, for the scheduler and the kubelets.

/** The pod's claims, or undefined while one of them does not exist. */
export function claimsOf(ctx: SimContext, pod: KubeObject): KubeObject[] | undefined {
  const claims: KubeObject[] = [];
  for (const name of claimNamesOf(pod)) {
    const claim = ctx.store.get('persistentvolumeclaims', { name, namespace: pod.metadata.namespace });
    if (!claim) return undefined;
    claims.push(claim);
  }
  return claims;
}

/** The composer volumes under a pod's claims; undefined while any claim is unbound. */
export function volumesOf(ctx: SimContext, pod: KubeObject): Volume[] | undefined {
  const volumes: Volume[] = [];
  for (const claimName of claimNamesOf(pod)) {
    const claim = ctx.store.get('persistentvolumeclaims', {
      name: claimName,
      namespace: pod.metadata.namespace,
    });
    const pvName = claim ? (specOf(claim).volumeName as string | undefined) : undefined;
    const pv = pvName ? ctx.store.get('persistentvolumes', { name: pvName }) : undefined;
    const handle = pv ? (specOf(pv).csi as { volumeHandle?: string } | undefined)?.volumeHandle : undefined;
    if (!handle) return undefined;
    try {
      volumes.push(ctx.csi.get(handle));
    } catch {
      return undefined;
    }
  }
  return volumes;
}
