import type { Server } from '@drivebay/api-types';
import { type KubeObject, kubeTime } from '../kube-api/index.js';
import { involvedObject, kubeletOn, SOURCES } from './events.js';
import {
  kubeletConditions,
  newBootId,
  UNREACHABLE,
  unknownConditions,
  unreachableTaints,
} from './node-object.js';
import type { SimContext } from './sim-context.js';
import {
  type Condition,
  isReady,
  podRef,
  serverOf,
  specOf,
  statusOf,
  type Taint,
  taintsOf,
} from './sim-objects.js';

const NOT_READY = 'node.kubernetes.io/not-ready';

/**
 * The node lifecycle controller, and the kubelet's node status, of the simulated cluster. While a
 * node's server is up its kubelet posts Ready; once it goes down the controller marks every
 * condition Unknown (NodeStatusUnknown), taints the node unreachable (NoSchedule and NoExecute,
 * which the taint manager acts on) and marks its pods not Ready. When the server is back, the
 * kubelet starts again (a reboot: a new boot id), posts Ready, and the taints are lifted.
 */
export class NodeLifecycle {
  sync(ctx: SimContext, servers: Iterable<Server>): void {
    const byId = new Map([...servers].map((s) => [s.id, s]));
    for (const node of ctx.store.list('nodes')) {
      const server = byId.get(serverOf(node) ?? '');
      if (!server) continue;
      if (server.state === 'up') this.kubeletPosting(ctx, node);
      else this.unreachable(ctx, node);
    }
  }

  private unreachable(ctx: SimContext, node: KubeObject): void {
    const conditions = (statusOf(node).conditions as Condition[] | undefined) ?? [];
    const ready = conditions.find((c) => c.type === 'Ready');
    const tainted = taintsOf(node).filter((t) => t.key === UNREACHABLE).length === 2;
    if (ready?.status === 'Unknown' && tainted) return;
    const at = kubeTime(ctx.now());
    const taints: Taint[] = [
      ...taintsOf(node).filter((t) => t.key !== UNREACHABLE && t.key !== NOT_READY),
      ...unreachableTaints(at),
    ];
    const updated = ctx.store.update('nodes', { name: node.metadata.name }, (current) => ({
      ...current,
      spec: { ...specOf(current), taints },
      status: { ...statusOf(current), conditions: unknownConditions(conditions, at) },
    }));
    if (ready?.status === 'Unknown') return;
    ctx.events.record(
      SOURCES.nodeController,
      involvedObject(updated),
      'Normal',
      'NodeNotReady',
      `Node ${node.metadata.name} status is now: NodeNotReady`,
    );
    this.markPodsNotReady(ctx, node.metadata.name, at);
  }

  // The controller's MarkPodsNotReady: only the Ready condition changes; the containers, as far as
  // the apiserver knows, still run.
  private markPodsNotReady(ctx: SimContext, nodeName: string, at: string): void {
    for (const pod of ctx.store.list('pods')) {
      if (specOf(pod).nodeName !== nodeName) continue;
      const conditions = (statusOf(pod).conditions as Condition[] | undefined) ?? [];
      const ready = conditions.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      const updated = ctx.store.update('pods', podRef(pod), (current) => ({
        ...current,
        status: {
          ...statusOf(current),
          conditions: conditions.map((c) =>
            c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: at } : c,
          ),
        },
      }));
      ctx.events.record(
        SOURCES.nodeController,
        involvedObject(updated),
        'Warning',
        'NodeNotReady',
        'Node is not ready',
      );
    }
  }

  private kubeletPosting(ctx: SimContext, node: KubeObject): void {
    const taints = taintsOf(node);
    const lifted = taints.filter((t) => t.key !== UNREACHABLE && t.key !== NOT_READY);
    if (isReady(node) && lifted.length === taints.length) return;
    const at = kubeTime(ctx.now());
    const bootID = newBootId();
    const rebooted = taints.some((t) => t.key === UNREACHABLE);
    ctx.store.update('nodes', { name: node.metadata.name }, (current) => ({
      ...current,
      spec: withTaints(specOf(current), lifted),
      status: {
        ...statusOf(current),
        conditions: kubeletConditions(at),
        ...(rebooted && { nodeInfo: { ...(statusOf(current).nodeInfo as object), bootID } }),
      },
    }));
    // The kubelet's own node events name the node by its name as uid.
    const { resourceVersion: _rv, ...reference } = involvedObject(node);
    const kubeletRef = { ...reference, uid: node.metadata.name };
    const kubelet = kubeletOn(node.metadata.name);
    if (rebooted) {
      ctx.events.record(kubelet, kubeletRef, 'Normal', 'Starting', 'Starting kubelet.');
      ctx.events.record(
        kubelet,
        kubeletRef,
        'Warning',
        'Rebooted',
        `Node ${node.metadata.name} has been rebooted, boot id: ${bootID}`,
      );
    }
    ctx.events.record(
      kubelet,
      kubeletRef,
      'Normal',
      'NodeReady',
      `Node ${node.metadata.name} status is now: NodeReady`,
    );
  }
}

// A node without taints has no spec.taints at all, as the apiserver stores it.
function withTaints(spec: Record<string, unknown>, taints: Taint[]): Record<string, unknown> {
  const { taints: _old, ...rest } = spec;
  return taints.length > 0 ? { ...rest, taints } : rest;
}
