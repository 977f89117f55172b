import type { Volume } from '@drivebay/api-types';
import type { KubeObject } from '../kube-api/index.js';
import { volumesOf } from './scheduler.js';
import { PROVISIONER } from './seed-cluster.js';
import type { SimContext } from './sim-context.js';
import { isReady, podIp, podRef, specOf, statusOf, uidFor } from './sim-objects.js';

// The CSI attacher and the kubelet of the simulated cluster: a scheduled pod's volumes are
// ControllerPublished to its node's server (after being unpublished from a previous one), staged
// and published, and then the pod runs.

/** Starts every scheduled pod whose node is Ready, attaching its volumes first. */
export async function startPods(ctx: SimContext): Promise<void> {
  for (const pod of ctx.store.list('pods')) {
    const nodeName = specOf(pod).nodeName as string | undefined;
    if (!nodeName || statusOf(pod).phase === 'Running' || pod.metadata.deletionTimestamp) continue;
    const node = ctx.store.get('nodes', { name: nodeName });
    const serverId = node?.metadata.labels?.['drivebay.io/server'];
    if (!node || !serverId || !isReady(node)) continue;
    const volumes = volumesOf(ctx, pod) ?? [];
    try {
      for (const volume of volumes) await attach(ctx, volume, serverId, nodeName, pod);
    } catch (error) {
      ctx.event(
        { kind: 'Pod', ...podRef(pod) },
        'Warning',
        'FailedAttachVolume',
        `AttachVolume.Attach failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    }
    ctx.store.update('pods', podRef(pod), (current) => {
      const restarts = ((statusOf(current).containerStatuses as { restartCount?: number }[] | undefined) ??
        [])[0]?.restartCount;
      return {
        ...current,
        status: {
          phase: 'Running',
          startTime: new Date().toISOString(),
          podIP: podIp(pod.metadata.name),
          conditions: [
            { type: 'PodScheduled', status: 'True' },
            { type: 'Ready', status: 'True' },
          ],
          containerStatuses: [
            {
              name: (specOf(current).containers as { name: string }[])[0]?.name ?? 'main',
              ready: true,
              restartCount: restarts ?? 0,
              state: { running: { startedAt: new Date().toISOString() } },
            },
          ],
        },
      };
    });
    ctx.event({ kind: 'Pod', ...podRef(pod) }, 'Normal', 'Started', `Started container on ${nodeName}`);
  }
}

/** ControllerPublish to the pod's server (unpublishing from a previous one first), then stage and publish. */

async function attach(
  ctx: SimContext,
  volume: Volume,
  serverId: string,
  nodeName: string,
  pod: KubeObject,
): Promise<void> {
  let current = volume;
  if (current.server && current.server !== serverId) {
    // The attach-detach controller detaching from the old (possibly dead) node.
    for (const path of current.targetPaths)
      current = await ctx.csi.nodeUnpublish(current.id, path, ctx.actor);
    if (current.stagingPath) current = await ctx.csi.unstage(current.id, current.stagingPath, ctx.actor);
    current = await ctx.csi.unpublish(current.id, current.server as string, ctx.actor);
    for (const va of ctx.store.list('volumeattachments')) {
      if ((specOf(va).source as { persistentVolumeName?: string })?.persistentVolumeName === current.name) {
        ctx.store.delete('volumeattachments', { name: va.metadata.name });
      }
    }
  }
  current = await ctx.csi.publish(current.id, serverId, ctx.actor);
  const vaName = `csi-${uidFor(`${current.name}/${nodeName}`).replaceAll('-', '')}`;
  if (!ctx.store.get('volumeattachments', { name: vaName })) {
    ctx.store.create('volumeattachments', {
      metadata: { name: vaName },
      spec: { attacher: PROVISIONER, nodeName, source: { persistentVolumeName: current.name } },
      status: { attached: true, attachmentMetadata: { server: serverId } },
    });
  }
  const staging = `/var/lib/kubelet/plugins/kubernetes.io/csi/${PROVISIONER}/${current.name}/globalmount`;
  current = await ctx.csi.stage(current.id, staging, ctx.actor);
  const target = `/var/lib/kubelet/pods/${pod.metadata.uid}/volumes/kubernetes.io~csi/${current.name}/mount`;
  for (const path of current.targetPaths.filter((p) => p !== target)) {
    current = await ctx.csi.nodeUnpublish(current.id, path, ctx.actor);
  }
  await ctx.csi.nodePublish(current.id, target, ctx.actor);
}

/** Now and then a running pod's container is OOM-killed and restarted, round the pods in turn. */
export class Restarts {
  private last = Date.now();
  private cursor = 0;

  restartNow(ctx: SimContext): void {
    if (ctx.options.restartEveryMs <= 0 || Date.now() - this.last < ctx.options.restartEveryMs) return;
    this.last = Date.now();
    const running = ctx.store.list('pods').filter((p) => statusOf(p).phase === 'Running');
    const pod = running[this.cursor++ % Math.max(1, running.length)];
    if (!pod) return;
    ctx.store.update('pods', podRef(pod), (current) => {
      const statuses = (statusOf(current).containerStatuses as Record<string, unknown>[] | undefined) ?? [];
      return {
        ...current,
        status: {
          ...statusOf(current),
          containerStatuses: statuses.map((s) => ({
            ...s,
            restartCount: Number(s.restartCount ?? 0) + 1,
            lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
          })),
        },
      };
    });
    ctx.event(
      { kind: 'Pod', ...podRef(pod) },
      'Warning',
      'BackOff',
      `Container restarted after OOMKilled (exit code 137)`,
    );
  }
}
