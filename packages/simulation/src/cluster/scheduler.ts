import type { Volume } from '@drivebay/api-types';
import type { KubeObject } from '../kube-api/index.js';
import type { SimContext } from './sim-context.js';
import { claimNamesOf, isReady, podRef, specOf, spread, statusOf } from './sim-objects.js';

// The scheduler of the simulated cluster: a pod whose claims are bound goes to a Ready node,
// the one its volume is published to when that node is Ready, else the least loaded.

export function schedule(ctx: SimContext): void {
  const nodes = ctx.store.list('nodes').filter(isReady);
  if (nodes.length === 0) return;
  const load = new Map(nodes.map((n) => [n.metadata.name, 0]));
  for (const pod of ctx.store.list('pods')) {
    const node = specOf(pod).nodeName as string | undefined;
    if (node && load.has(node)) load.set(node, (load.get(node) ?? 0) + 1);
  }
  for (const pod of ctx.store.list('pods')) {
    if (specOf(pod).nodeName || pod.metadata.deletionTimestamp) continue;
    const volumes = volumesOf(ctx, pod);
    if (volumes === undefined) continue; // a claim is not bound yet
    const preferred = volumes.map((v) => v.server).find((s) => s !== null);
    const node =
      nodes.find((n) => preferred && n.metadata.labels?.['drivebay.io/server'] === preferred) ??
      [...nodes].sort(
        (a, b) =>
          (load.get(a.metadata.name) ?? 0) - (load.get(b.metadata.name) ?? 0) ||
          spread(pod.metadata.name, a.metadata.name) - spread(pod.metadata.name, b.metadata.name),
      )[0];
    if (!node) continue;
    load.set(node.metadata.name, (load.get(node.metadata.name) ?? 0) + 1);
    ctx.store.update('pods', podRef(pod), (current) => ({
      ...current,
      spec: { ...specOf(current), nodeName: node.metadata.name },
      status: { ...statusOf(current), conditions: [{ type: 'PodScheduled', status: 'True' }] },
    }));
    ctx.event(
      { kind: 'Pod', ...podRef(pod) },
      'Normal',
      'Scheduled',
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`,
    );
  }
}

/** The composer volumes under a pod's claims; undefined while any claim is unbound. */

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
