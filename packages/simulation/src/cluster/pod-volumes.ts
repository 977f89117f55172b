import type { KubeObject } from '../kube-api/index.js';
import type { Access } from './csi-driver.js';
import type { SimContext } from './sim-context.js';
import { claimNamesOf, specOf } from './sim-objects.js';

// What a pod's PVC volumes are, as Kubernetes knows them: PVs with a CSI volume handle.

/** One of a pod's volumes: its PV, the CSI handle and attributes, and how it is accessed. */
export interface PodVolume {
  pvName: string;
  volumeHandle: string;
  access: Access;
  volumeAttributes: Record<string, string>;
}

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

/** The CSI volumes under a pod's claims; undefined while any claim is unbound. */
export function volumesOf(ctx: SimContext, pod: KubeObject): PodVolume[] | undefined {
  const volumes: PodVolume[] = [];
  for (const claimName of claimNamesOf(pod)) {
    const claim = ctx.store.get('persistentvolumeclaims', {
      name: claimName,
      namespace: pod.metadata.namespace,
    });
    const pvName = claim ? (specOf(claim).volumeName as string | undefined) : undefined;
    const pv = pvName ? ctx.store.get('persistentvolumes', { name: pvName }) : undefined;
    const csi = pv
      ? (specOf(pv).csi as { volumeHandle?: string; volumeAttributes?: Record<string, string> } | undefined)
      : undefined;
    if (!pv || !csi?.volumeHandle) return undefined;
    volumes.push({
      pvName: pv.metadata.name,
      volumeHandle: csi.volumeHandle,
      access: specOf(pv).volumeMode === 'Block' ? 'block' : 'mount',
      volumeAttributes: csi.volumeAttributes ?? {},
    });
  }
  return volumes;
}

/** The node a volume's VolumeAttachment names, if it is attached anywhere. */
export function attachedNodeOf(ctx: SimContext, pvName: string): string | undefined {
  for (const va of ctx.store.list('volumeattachments')) {
    if ((specOf(va).source as { persistentVolumeName?: string })?.persistentVolumeName === pvName)
      return specOf(va).nodeName as string;
  }
  return undefined;
}
