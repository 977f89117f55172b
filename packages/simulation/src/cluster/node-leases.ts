import type { Server } from '@drivebay/api-types';
import type { KubeObject } from '../kube-api/index.js';
import type { SimContext } from './sim-context.js';
import { serverOf } from './sim-objects.js';

const NAMESPACE = 'kube-node-lease';
// The kubelet renews its lease every 10 s; the node controller allows 40 s.
const RENEW_MS = 10_000;
const DURATION_SECONDS = 40;

/** metav1.MicroTime: RFC 3339 with microseconds. */
const microTime = (ms: number) => new Date(ms).toISOString().replace(/Z$/, '000Z');

/**
 * The kubelets' node leases (kube-node-lease/<node>), the heartbeat kubectl describe node shows:
 * renewed every 10 s while the node's server is up, left to go stale when it is down.
 */
export class NodeLeases {
  private readonly renewedAt = new Map<string, number>();

  renew(ctx: SimContext, servers: Iterable<Server>): void {
    const up = new Set([...servers].filter((s) => s.state === 'up').map((s) => s.id));
    for (const node of ctx.store.list('nodes')) {
      if (!up.has(serverOf(node) ?? '')) continue;
      const name = node.metadata.name;
      const last = this.renewedAt.get(name);
      if (last !== undefined && ctx.now() - last < RENEW_MS) continue;
      this.renewedAt.set(name, ctx.now());
      const lease = ctx.store.get('leases', { name, namespace: NAMESPACE });
      if (lease)
        ctx.store.update('leases', { name, namespace: NAMESPACE }, (current) => ({
          ...current,
          spec: { ...(current.spec as object), renewTime: microTime(ctx.now()) },
        }));
      else ctx.store.create('leases', leaseFor(node, microTime(ctx.now())));
    }
  }
}

function leaseFor(node: KubeObject, renewTime: string) {
  return {
    metadata: {
      name: node.metadata.name,
      namespace: NAMESPACE,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid }],
    },
    spec: { holderIdentity: node.metadata.name, leaseDurationSeconds: DURATION_SECONDS, renewTime },
  };
}
