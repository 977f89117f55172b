import { type SimContext, scaledMs } from './sim-context.js';
import { isReady, podRef, specOf, statusOf } from './sim-objects.js';

// The pod GC controller looks for pods to collect every 20 s.
const GC_PERIOD_SECONDS = 20;

/**
 * The pod garbage collector of the simulated cluster: a pod Terminating on a node whose kubelet is
 * gone would stay so forever, so once its grace period is over (and the next GC pass comes) it is
 * marked Failed and force-deleted (grace period 0), as the pod GC does for out-of-service nodes.
 */
export class PodGc {
  private readonly terminatingSince = new Map<string, number>();

  run(ctx: SimContext): void {
    const alive = new Set<string>();
    for (const pod of ctx.store.list('pods')) {
      const nodeName = specOf(pod).nodeName as string | undefined;
      if (!nodeName) continue;
      const node = ctx.store.get('nodes', { name: nodeName });
      if (!node || isReady(node) || !pod.metadata.deletionTimestamp) continue;
      const uid = pod.metadata.uid ?? '';
      alive.add(uid);
      const since = this.terminatingSince.get(uid) ?? ctx.now();
      this.terminatingSince.set(uid, since);
      const grace = Number(pod.metadata.deletionGracePeriodSeconds ?? 30);
      if (ctx.now() - since < scaledMs(ctx, grace + GC_PERIOD_SECONDS)) continue;
      const phase = statusOf(pod).phase;
      if (phase !== 'Succeeded' && phase !== 'Failed')
        ctx.store.update('pods', podRef(pod), (current) => ({
          ...current,
          status: { ...statusOf(current), phase: 'Failed' },
        }));
      ctx.store.delete('pods', podRef(pod));
      this.terminatingSince.delete(uid);
    }
    for (const uid of this.terminatingSince.keys()) if (!alive.has(uid)) this.terminatingSince.delete(uid);
  }
}
