import { type KubeObject, kubeTime } from '../kube-api/index.js';
import { involvedObject, SOURCES } from './events.js';
import { type SimContext, scaledMs } from './sim-context.js';
import {
  type Condition,
  keepTransitions,
  podRef,
  specOf,
  statusOf,
  type Taint,
  taintsOf,
  tolerates,
  tolerationsOf,
} from './sim-objects.js';

/**
 * The taint eviction controller of the simulated cluster: a pod on a node with a NoExecute taint
 * it does not tolerate is deleted at once; one that tolerates it for tolerationSeconds (the default
 * 300 s for unreachable and not-ready, scaled by evictAfterMs) is deleted when that runs out.
 * Deleted means a graceful delete: the pod turns Terminating with a DisruptionTarget condition.
 */
export class TaintEviction {
  /** When this controller first saw each NoExecute taint, by node/key; its clock starts there. */
  private readonly taintedAt = new Map<string, number>();
  /** Pods with an eviction scheduled (tolerated for a while), by uid. */
  private scheduled = new Map<string, KubeObject>();

  run(ctx: SimContext): void {
    const seen = new Set<string>();
    const scheduled = new Map<string, KubeObject>();
    for (const node of ctx.store.list('nodes')) {
      const taints = taintsOf(node).filter((t) => t.effect === 'NoExecute');
      if (taints.length === 0) continue;
      for (const taint of taints) {
        const key = `${node.metadata.name}/${taint.key}`;
        seen.add(key);
        if (!this.taintedAt.has(key)) this.taintedAt.set(key, ctx.now());
      }
      for (const pod of ctx.store.list('pods')) {
        if (specOf(pod).nodeName !== node.metadata.name || pod.metadata.deletionTimestamp) continue;
        const due = this.evictionDue(ctx, node.metadata.name, pod, taints);
        if (due !== undefined && ctx.now() >= due) evict(ctx, pod);
        else if (due !== undefined) scheduled.set(pod.metadata.uid ?? '', pod);
      }
    }
    for (const key of this.taintedAt.keys()) if (!seen.has(key)) this.taintedAt.delete(key);
    this.cancel(ctx, scheduled);
  }

  // A pod whose taint went away before its toleration ran out is no longer to be evicted.
  private cancel(ctx: SimContext, scheduled: Map<string, KubeObject>): void {
    for (const [uid, pod] of this.scheduled) {
      if (scheduled.has(uid)) continue;
      const current = ctx.store.get('pods', podRef(pod));
      if (current?.metadata.uid !== uid || current.metadata.deletionTimestamp) continue;
      ctx.events.record(
        SOURCES.taintEviction,
        involvedObject(current),
        'Normal',
        'TaintManagerEviction',
        `Cancelling deletion of Pod ${pod.metadata.namespace}/${pod.metadata.name}`,
      );
    }
    this.scheduled = scheduled;
  }

  /** When the pod's tolerations of the node's NoExecute taints run out; undefined: never. */
  private evictionDue(
    ctx: SimContext,
    nodeName: string,
    pod: KubeObject,
    taints: Taint[],
  ): number | undefined {
    let due: number | undefined;
    for (const taint of taints) {
      const since = this.taintedAt.get(`${nodeName}/${taint.key}`) ?? ctx.now();
      const matching = tolerationsOf(pod).filter((t) => tolerates(t, taint));
      if (matching.length === 0) return since;
      // Tolerated forever unless every matching toleration has a limit; the shortest one counts.
      if (matching.some((t) => t.tolerationSeconds === undefined)) continue;
      const seconds = Math.max(0, Math.min(...matching.map((t) => t.tolerationSeconds ?? 0)));
      const at = since + scaledMs(ctx, seconds);
      due = due === undefined ? at : Math.min(due, at);
    }
    return due;
  }
}

function evict(ctx: SimContext, pod: KubeObject): void {
  const at = kubeTime(ctx.now());
  ctx.events.record(
    SOURCES.taintEviction,
    involvedObject(pod),
    'Normal',
    'TaintManagerEviction',
    `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`,
  );
  // The controller adds the DisruptionTarget condition, then deletes with the pod's grace period.
  const conditions = (statusOf(pod).conditions as Condition[] | undefined) ?? [];
  ctx.store.update('pods', podRef(pod), (current) => ({
    ...current,
    status: {
      ...statusOf(current),
      conditions: keepTransitions(conditions, [
        ...conditions.filter((c) => c.type !== 'DisruptionTarget'),
        {
          type: 'DisruptionTarget',
          status: 'True',
          lastProbeTime: null,
          lastTransitionTime: at,
          reason: 'DeletionByTaintManager',
          message: 'Taint manager: deleting due to NoExecute taint',
        },
      ]),
    },
  }));
  const grace = specOf(pod).terminationGracePeriodSeconds;
  ctx.store.beginDelete('pods', podRef(pod), typeof grace === 'number' ? grace : 30);
}
