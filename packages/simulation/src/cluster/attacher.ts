import { createHash } from 'node:crypto';
import type { Volume } from '@drivebay/api-types';
import type { KubeObject } from '../kube-api/index.js';
import { involvedObject, SOURCES } from './events.js';
import { PROVISIONER } from './seed-cluster.js';
import type { SimContext } from './sim-context.js';
import { specOf } from './sim-objects.js';

// The attach-detach controller with the CSI external-attacher, and the kubelet's volume manager,
// of the simulated cluster: a scheduled pod's volumes are ControllerPublished to its node's server
// (after being detached from a previous one), staged and published, each with its CSI call.

/** The external-attacher's VolumeAttachment name: csi-<sha256(pv, attacher, node)>. */
export function attachmentName(pvName: string, nodeName: string): string {
  return `csi-${createHash('sha256').update(`${pvName}${PROVISIONER}${nodeName}`).digest('hex')}`;
}

/** Makes `volume` usable by `pod` on `nodeName` (the node of `serverId`), moving it off another server. */
export async function attach(
  ctx: SimContext,
  volume: Volume,
  serverId: string,
  nodeName: string,
  pod: KubeObject,
): Promise<void> {
  let current = volume;
  if (current.server && current.server !== serverId) current = await detach(ctx, current);
  const vaName = attachmentName(current.name, nodeName);
  const attachedBefore = current.server === serverId && ctx.store.get('volumeattachments', { name: vaName });
  current = await ctx.csi.publish(current.id, serverId, ctx.actor);
  if (!ctx.store.get('volumeattachments', { name: vaName })) {
    ctx.store.create('volumeattachments', {
      metadata: { name: vaName, finalizers: [`external-attacher/${PROVISIONER.replaceAll('.', '-')}`] },
      spec: { attacher: PROVISIONER, nodeName, source: { persistentVolumeName: current.name } },
      status: { attached: true, attachmentMetadata: { server: serverId } },
    });
  }
  if (!attachedBefore)
    ctx.events.record(
      SOURCES.attachDetach,
      involvedObject(pod),
      'Normal',
      'SuccessfulAttachVolume',
      `AttachVolume.Attach succeeded for volume "${current.name}"`,
    );
  const staging = `/var/lib/kubelet/plugins/kubernetes.io/csi/${PROVISIONER}/${current.name}/globalmount`;
  current = await ctx.csi.stage(current.id, staging, ctx.actor);
  const target = `/var/lib/kubelet/pods/${pod.metadata.uid}/volumes/kubernetes.io~csi/${current.name}/mount`;
  for (const path of current.targetPaths.filter((p) => p !== target)) {
    current = await ctx.csi.nodeUnpublish(current.id, path, ctx.actor);
  }
  await ctx.csi.nodePublish(current.id, target, ctx.actor);
}

// The attach-detach controller detaching from the old (possibly dead) node: what the kubelet there
// would have unpublished and unstaged is undone first, then ControllerUnpublish.
async function detach(ctx: SimContext, volume: Volume): Promise<Volume> {
  let current = volume;
  for (const path of current.targetPaths) current = await ctx.csi.nodeUnpublish(current.id, path, ctx.actor);
  if (current.stagingPath) current = await ctx.csi.unstage(current.id, current.stagingPath, ctx.actor);
  current = await ctx.csi.unpublish(current.id, current.server as string, ctx.actor);
  for (const va of ctx.store.list('volumeattachments')) {
    if ((specOf(va).source as { persistentVolumeName?: string })?.persistentVolumeName === current.name) {
      ctx.store.delete('volumeattachments', { name: va.metadata.name });
    }
  }
  return current;
}
