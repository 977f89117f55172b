import type { Server } from '@drivebay/api-types';
import type { SimContext } from './sim-context.js';
import { isReady, podRef, specOf } from './sim-objects.js';

/**
 * The node lifecycle controller of the simulated cluster: a node is Ready while its server is up;
 * pods on a node NotReady for longer than `evictAfterMs` are evicted (their controllers recreate
 * them, and the scheduler places them elsewhere).
 */
export class NodeLifecycle {
  private readonly notReadySince = new Map<string, number>();

  sync(ctx: SimContext, servers: Iterable<Server>): void {
    const byId = new Map([...servers].map((s) => [s.id, s]));
    for (const node of ctx.store.list('nodes')) {
      const server = byId.get(node.metadata.labels?.['drivebay.io/server'] ?? '');
      if (!server) continue;
      const ready = server.state === 'up';
      if (isReady(node) === ready) continue;
      ctx.store.update('nodes', { name: node.metadata.name }, (current) => ({
        ...current,
        status: {
          ...(current.status as object),
          conditions: [
            {
              type: 'Ready',
              status: ready ? 'True' : 'Unknown',
              reason: ready ? 'KubeletReady' : 'NodeStatusUnknown',
              message: ready ? 'kubelet is posting ready status' : 'Kubelet stopped posting node status.',
              lastTransitionTime: new Date().toISOString(),
            },
          ],
        },
      }));
      if (ready) this.notReadySince.delete(node.metadata.name);
      else this.notReadySince.set(node.metadata.name, Date.now());
      ctx.event(
        { kind: 'Node', name: node.metadata.name },
        ready ? 'Normal' : 'Warning',
        ready ? 'NodeReady' : 'NodeNotReady',
        ready
          ? `Node ${node.metadata.name} status is now: NodeReady`
          : `Node ${node.metadata.name} status is now: NodeNotReady (server ${server.id} is ${server.state})`,
      );
    }
  }

  evict(ctx: SimContext): void {
    for (const [nodeName, since] of this.notReadySince) {
      if (Date.now() - since < ctx.options.evictAfterMs) continue;
      for (const pod of ctx.store.list('pods')) {
        if (specOf(pod).nodeName !== nodeName) continue;
        ctx.event(
          { kind: 'Pod', ...podRef(pod) },
          'Warning',
          'TaintManagerEviction',
          `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name} (node ${nodeName} is not ready)`,
        );
        ctx.store.delete('pods', podRef(pod));
      }
    }
  }
}
