import { kubeTime } from '../kube-api/index.js';
import { containerStatusesOf, terminatedStatus } from './pod-status.js';
import type { SimContext } from './sim-context.js';
import { isReady, podRef, specOf, statusOf } from './sim-objects.js';

/**
 * Now and then a running container is OOM-killed (exit 137), round the pods in turn; its kubelet
 * then starts it again. Only pods actually running on a live node are picked.
 */
export class OomKills {
  private last: number | undefined;
  private cursor = 0;

  run(ctx: SimContext): void {
    const every = ctx.options.restartEveryMs;
    this.last ??= ctx.now();
    if (every <= 0 || ctx.now() - this.last < every) return;
    this.last = ctx.now();
    const running = ctx.store.list('pods').filter((pod) => {
      const node = ctx.store.get('nodes', { name: String(specOf(pod).nodeName ?? '') });
      const statuses = containerStatusesOf(pod);
      return (
        statusOf(pod).phase === 'Running' &&
        !pod.metadata.deletionTimestamp &&
        node !== undefined &&
        isReady(node) &&
        statuses.length > 0 &&
        statuses.every((s) => s.state.running)
      );
    });
    const pod = running[this.cursor++ % Math.max(1, running.length)];
    if (!pod) return;
    ctx.store.update('pods', podRef(pod), (current) => ({
      ...current,
      status: terminatedStatus(current, kubeTime(ctx.now()), { exitCode: 137, reason: 'OOMKilled' }),
    }));
  }
}
