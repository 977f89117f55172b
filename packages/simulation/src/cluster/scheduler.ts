import { type KubeObject, kubeTime } from '../kube-api/index.js';
import { involvedObject, SOURCES } from './events.js';
import { attachedNodeOf, claimsOf, volumesOf } from './pod-volumes.js';
import type { SimContext } from './sim-context.js';
import {
  condition,
  isReady,
  keepTransitions,
  podRef,
  specOf,
  spread,
  statusOf,
  taintsOf,
  tolerates,
  tolerationsOf,
} from './sim-objects.js';

/** The annotation by which the scheduler tells a WaitForFirstConsumer claim's provisioner where its pod goes. */
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';

// The scheduler retries an unschedulable pod with a backoff of up to 10 s; each retry is an event.
const UNSCHEDULABLE_RETRY_MS = 10_000;

/**
 * The scheduler of the simulated cluster. A pod goes to a node that is Ready, schedulable and
 * whose taints it tolerates: for a WaitForFirstConsumer claim not yet bound, the chosen node is
 * first written on the claim (selected-node) and the pod waits for its volume; once its claims
 * are bound it goes to the node its volume is published to, else the selected one, else the
 * least loaded. A pod that fits nowhere gets FailedScheduling, saying why.
 */
export class Scheduler {
  private readonly unschedulableAt = new Map<string, number>();

  run(ctx: SimContext): void {
    const nodes = ctx.store.list('nodes');
    const load = new Map<string, number>();
    for (const pod of ctx.store.list('pods')) {
      const node = specOf(pod).nodeName as string | undefined;
      if (node) load.set(node, (load.get(node) ?? 0) + 1);
    }
    for (const pod of ctx.store.list('pods')) {
      if (specOf(pod).nodeName || pod.metadata.deletionTimestamp) continue;
      const fits = nodes.filter((node) => unfitReason(node, pod) === undefined);
      if (fits.length === 0) {
        this.unschedulable(ctx, pod, nodes);
        continue;
      }
      const leastLoaded = [...fits].sort(
        (a, b) =>
          (load.get(a.metadata.name) ?? 0) - (load.get(b.metadata.name) ?? 0) ||
          spread(pod.metadata.name, a.metadata.name) - spread(pod.metadata.name, b.metadata.name),
      )[0]!;
      const claims = claimsOf(ctx, pod);
      if (claims === undefined) continue; // a claim does not exist yet
      const unbound = claims.filter((claim) => !specOf(claim).volumeName);
      if (unbound.length > 0) {
        selectNode(ctx, unbound, leastLoaded.metadata.name);
        continue;
      }
      const volumes = volumesOf(ctx, pod);
      if (volumes === undefined) continue;
      // A volume still attached somewhere keeps its pod there if it fits (no detach, no Multi-Attach).
      const attached = volumes.map((v) => attachedNodeOf(ctx, v.pvName)).find(Boolean);
      const selected = claims.map((c) => c.metadata.annotations?.[SELECTED_NODE]).find(Boolean);
      const node =
        fits.find((n) => attached && n.metadata.name === attached) ??
        fits.find((n) => n.metadata.name === selected) ??
        leastLoaded;
      load.set(node.metadata.name, (load.get(node.metadata.name) ?? 0) + 1);
      bind(ctx, pod, node.metadata.name);
      this.unschedulableAt.delete(pod.metadata.uid ?? '');
    }
  }

  private unschedulable(ctx: SimContext, pod: KubeObject, nodes: KubeObject[]): void {
    const uid = pod.metadata.uid ?? '';
    const last = this.unschedulableAt.get(uid);
    if (last !== undefined && ctx.now() - last < UNSCHEDULABLE_RETRY_MS) return;
    this.unschedulableAt.set(uid, ctx.now());
    const reasons = new Map<string, number>();
    for (const node of nodes) {
      const reason = unfitReason(node, pod) ?? '';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    const parts = [...reasons].map(([reason, count]) => `${count} ${reason}`).sort();
    const total = nodes.length;
    const message =
      total === 0
        ? 'no nodes available to schedule pods'
        : `0/${total} nodes are available: ${parts.join(', ')}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
    ctx.store.update('pods', podRef(pod), (current) => ({
      ...current,
      status: {
        ...statusOf(current),
        conditions: keepTransitions(statusOf(current).conditions, [
          condition('PodScheduled', false, kubeTime(ctx.now()), 'Unschedulable', message),
        ]),
      },
    }));
    ctx.events.record(SOURCES.scheduler, involvedObject(pod), 'Warning', 'FailedScheduling', message);
  }
}

/** Why the pod can't go to the node (the scheduler's filter message), or undefined when it can. */
function unfitReason(node: KubeObject, pod: KubeObject): string | undefined {
  const tolerations = tolerationsOf(pod);
  const untolerated = taintsOf(node).find(
    (taint) => taint.effect !== 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint)),
  );
  if (untolerated) return `node(s) had untolerated taint {${untolerated.key}: ${untolerated.value ?? ''}}`;
  if (specOf(node).unschedulable === true) return 'node(s) were unschedulable';
  if (!isReady(node)) return 'node(s) were not ready';
  return undefined;
}

function bind(ctx: SimContext, pod: KubeObject, nodeName: string): void {
  const bound = ctx.store.update('pods', podRef(pod), (current) => ({
    ...current,
    spec: { ...specOf(current), nodeName },
    status: {
      ...statusOf(current),
      conditions: keepTransitions(statusOf(current).conditions, [
        condition('PodScheduled', true, kubeTime(ctx.now())),
      ]),
    },
  }));
  ctx.events.record(
    SOURCES.scheduler,
    involvedObject(bound),
    'Normal',
    'Scheduled',
    `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`,
  );
}

/** Tells the provisioner of each unbound WaitForFirstConsumer claim where the pod will run. */
function selectNode(ctx: SimContext, claims: KubeObject[], nodeName: string): void {
  for (const claim of claims) {
    if (claim.metadata.annotations?.[SELECTED_NODE]) continue;
    const className = String(specOf(claim).storageClassName ?? '');
    const storageClass = ctx.store.get('storageclasses', { name: className });
    if (storageClass?.volumeBindingMode !== 'WaitForFirstConsumer') continue;
    ctx.store.update(
      'persistentvolumeclaims',
      { name: claim.metadata.name, namespace: claim.metadata.namespace ?? 'default' },
      (current) => ({
        ...current,
        metadata: {
          ...current.metadata,
          annotations: { ...(current.metadata.annotations ?? {}), [SELECTED_NODE]: nodeName },
        },
      }),
    );
  }
}
