import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { quantityBytes } from '@drivebay/api-types';
import type { KubeObject } from '../kube-api/index.js';
import type { NodePlugin } from './csi-driver.js';
import { involvedObject, kubeletOn, SOURCES } from './events.js';
import type { PodVolume } from './pod-volumes.js';
import { volumesOf } from './pod-volumes.js';
import { FS_RESIZE_PENDING, hasCondition, setClaimStatus } from './resizer.js';
import { PROVISIONER } from './seed-cluster.js';
import { type SimContext, scaledMs } from './sim-context.js';
import { isReady, serverOf, specOf } from './sim-objects.js';

/** The attach-detach controller waits this long for a dead node to unmount before it detaches anyway. */
const MAX_WAIT_FOR_UNMOUNT_SECONDS = 360;

/** The external-attacher's VolumeAttachment name: csi-<sha256(pv, attacher, node)>. */
export function attachmentName(pvName: string, nodeName: string): string {
  return `csi-${createHash('sha256').update(`${pvName}${PROVISIONER}${nodeName}`).digest('hex')}`;
}

/** What a volume failed to attach or mount for; the kubelet records it and tries again. */
export class VolumeNotReady extends Error {}

/**
 * The volumes side of the simulated cluster, as Kubernetes splits it: the attach-detach controller
 * decides VolumeAttachments, the external-attacher turns them into ControllerPublish and
 * ControllerUnpublish calls, and each node's kubelet (its volume manager) stages and publishes
 * through the node plugin on that node, and unpublishes and unstages when the pod goes. Every
 * step is a CSI call; nothing here reads Drivebay's records.
 */
export class VolumeManager {
  /** The kubelets' actual state: per node, per PV, where it is staged and the pods' target paths. */
  private readonly mounted = new Map<string, Map<string, { staging: string; targets: Set<string> }>>();
  /** When the attach-detach controller first saw a VolumeAttachment that no pod needs. */
  private readonly unusedSince = new Map<string, number>();

  /** Attaches and mounts every volume of `pod` on `node`; throws VolumeNotReady while it cannot. */
  async mount(ctx: SimContext, pod: KubeObject, node: KubeObject): Promise<void> {
    const volumes = volumesOf(ctx, pod) ?? [];
    if (volumes.length === 0) return;
    const plugin = await ctx.csi.node(node.metadata.name, serverOf(node) ?? '');
    for (const volume of volumes) {
      await this.attach(ctx, volume, node, pod);
      await this.stageAndPublish(ctx, plugin, volume, node, pod);
    }
  }

  /** The kubelet tearing down a deleted pod's volumes on a live node: unpublish, and unstage the last. */
  async unmount(ctx: SimContext, pod: KubeObject, nodeName: string): Promise<void> {
    const node = ctx.store.get('nodes', { name: nodeName });
    const mounts = this.mounted.get(nodeName);
    if (!node || !mounts) return;
    const plugin = await ctx.csi.node(nodeName, serverOf(node) ?? '');
    for (const volume of volumesOf(ctx, pod) ?? []) {
      const mount = mounts.get(volume.pvName);
      if (!mount) continue;
      const target = targetPath(plugin, volume, pod);
      await plugin.unpublish(volume.volumeHandle, target);
      mount.targets.delete(target);
      if (mount.targets.size > 0) continue;
      await plugin.unstage(volume.volumeHandle, mount.staging);
      mounts.delete(volume.pvName);
    }
  }

  /**
   * The kubelets' online expansion: a claim the external-resizer left FileSystemResizePending,
   * mounted on a node, gets NodeExpandVolume there on its pod's target path; then the claim has the
   * PV's capacity. A failure is an Event on the pod, tried again on the next pass.
   */
  async expandFilesystems(ctx: SimContext): Promise<void> {
    for (const [nodeName, mounts] of this.mounted) {
      const node = ctx.store.get('nodes', { name: nodeName });
      if (!node || !isReady(node)) continue;
      for (const [pvName, mount] of mounts) {
        const pv = ctx.store.get('persistentvolumes', { name: pvName });
        const ref = pv ? (specOf(pv).claimRef as { name: string; namespace: string } | undefined) : undefined;
        const claim = ref && ctx.store.get('persistentvolumeclaims', ref);
        const [target] = mount.targets;
        if (!pv || !claim || !target || !hasCondition(claim, FS_RESIZE_PENDING)) continue;
        const storage = String((specOf(pv).capacity as { storage?: string } | undefined)?.storage ?? '');
        const bytes = quantityBytes(storage);
        const handle = (specOf(pv).csi as { volumeHandle?: string } | undefined)?.volumeHandle;
        if (bytes === null || !handle) continue;
        const pod = podOfTarget(ctx, target);
        const plugin = await ctx.csi.node(nodeName, serverOf(node) ?? '');
        try {
          await plugin.expand({
            volumeId: handle,
            volumePath: target,
            stagingPath: mount.staging,
            requiredBytes: bytes,
          });
        } catch (error) {
          if (pod)
            ctx.events.record(
              kubeletOn(nodeName),
              involvedObject(pod),
              'Warning',
              'VolumeResizeFailed',
              `MountVolume.NodeExpandVolume failed for volume "${pvName}" : ${error instanceof Error ? error.message : String(error)}`,
            );
          continue;
        }
        setClaimStatus(ctx, claim, { capacity: { storage }, conditions: [] });
        if (pod)
          ctx.events.record(
            kubeletOn(nodeName),
            involvedObject(pod),
            'Normal',
            'FileSystemResizeSuccessful',
            `MountVolume.NodeExpandVolume succeeded for volume "${pvName}" ${nodeName}`,
          );
      }
    }
  }

  /**
   * The attach-detach controller's pass: a VolumeAttachment no pod on its node needs is detached
   * once the node's kubelet has unmounted it, or, on a node that is not Ready (its kubelet will
   * never unmount), after the controller's maximum wait: then the attacher's ControllerUnpublish.
   */
  async detachUnused(ctx: SimContext): Promise<void> {
    const needed = new Set<string>();
    for (const pod of ctx.store.list('pods')) {
      const nodeName = specOf(pod).nodeName as string | undefined;
      if (!nodeName || isGone(pod)) continue;
      for (const volume of volumesOf(ctx, pod) ?? []) needed.add(`${volume.pvName}@${nodeName}`);
    }
    for (const va of ctx.store.list('volumeattachments')) {
      const nodeName = specOf(va).nodeName as string;
      const pvName = (specOf(va).source as { persistentVolumeName?: string }).persistentVolumeName ?? '';
      if (needed.has(`${pvName}@${nodeName}`)) {
        this.unusedSince.delete(va.metadata.name);
        continue;
      }
      const node = ctx.store.get('nodes', { name: nodeName });
      const stillMounted = this.mounted.get(nodeName)?.has(pvName) ?? false;
      if (node && isReady(node) && stillMounted) continue; // its kubelet unmounts first
      const since = this.unusedSince.get(va.metadata.name) ?? ctx.now();
      this.unusedSince.set(va.metadata.name, since);
      if (node && !isReady(node) && ctx.now() - since < scaledMs(ctx, MAX_WAIT_FOR_UNMOUNT_SECONDS)) continue;
      await this.detach(ctx, va, nodeName, pvName);
    }
  }

  private async detach(ctx: SimContext, va: KubeObject, nodeName: string, pvName: string): Promise<void> {
    const pv = ctx.store.get('persistentvolumes', { name: pvName });
    const handle = pv ? (specOf(pv).csi as { volumeHandle?: string })?.volumeHandle : undefined;
    const node = ctx.store.get('nodes', { name: nodeName });
    if (handle) await ctx.csi.controllerUnpublish(handle, nodeIdOf(node) ?? '');
    ctx.store.delete('volumeattachments', { name: va.metadata.name });
    this.unusedSince.delete(va.metadata.name);
    // A dead node's kubelet state goes with it: it will remount from scratch if it comes back.
    this.mounted.get(nodeName)?.delete(pvName);
  }

  /** The VolumeAttachment for (volume, node), created and ControllerPublished if missing. */
  private async attach(ctx: SimContext, volume: PodVolume, node: KubeObject, pod: KubeObject): Promise<void> {
    const nodeName = node.metadata.name;
    const name = attachmentName(volume.pvName, nodeName);
    const existing = ctx.store.get('volumeattachments', { name });
    if ((existing?.status as { attached?: boolean } | undefined)?.attached) return;
    const elsewhere = ctx.store
      .list('volumeattachments')
      .find(
        (va) =>
          (specOf(va).source as { persistentVolumeName?: string }).persistentVolumeName === volume.pvName &&
          specOf(va).nodeName !== nodeName,
      );
    if (elsewhere) {
      const message = `Multi-Attach error for volume "${volume.pvName}" Volume is already exclusively attached to one node (${String(specOf(elsewhere).nodeName)}) and can't be attached to another`;
      ctx.events.record(SOURCES.attachDetach, involvedObject(pod), 'Warning', 'FailedAttachVolume', message);
      throw new VolumeNotReady(message);
    }
    const publishContext = await ctx.csi.controllerPublish(
      volume.volumeHandle,
      nodeIdOf(node) ?? '',
      volume.access,
    );
    const attachment = {
      metadata: { name, finalizers: [`external-attacher/${PROVISIONER.replaceAll('.', '-')}`] },
      spec: { attacher: PROVISIONER, nodeName, source: { persistentVolumeName: volume.pvName } },
      status: { attached: true, attachmentMetadata: publishContext },
    };
    if (existing)
      ctx.store.update('volumeattachments', { name }, (current) => ({
        ...current,
        status: attachment.status,
      }));
    else ctx.store.create('volumeattachments', attachment);
    ctx.events.record(
      SOURCES.attachDetach,
      involvedObject(pod),
      'Normal',
      'SuccessfulAttachVolume',
      `AttachVolume.Attach succeeded for volume "${volume.pvName}"`,
    );
  }

  private async stageAndPublish(
    ctx: SimContext,
    plugin: NodePlugin,
    volume: PodVolume,
    node: KubeObject,
    pod: KubeObject,
  ): Promise<void> {
    const nodeName = node.metadata.name;
    const mounts = this.mounted.get(nodeName) ?? new Map();
    this.mounted.set(nodeName, mounts);
    const va = ctx.store.get('volumeattachments', { name: attachmentName(volume.pvName, nodeName) });
    const publishContext =
      (va?.status as { attachmentMetadata?: Record<string, string> })?.attachmentMetadata ?? {};
    const staging = stagingPath(plugin, volume);
    // The kubelet makes the staging directory; the plugin makes the target (CSI's division of work).
    plugin.mkdir(staging);
    try {
      await plugin.stage({
        volumeId: volume.volumeHandle,
        stagingPath: staging,
        access: volume.access,
        publishContext,
        volumeContext: volume.volumeAttributes,
      });
      const mount = mounts.get(volume.pvName) ?? { staging, targets: new Set<string>() };
      mounts.set(volume.pvName, mount);
      const target = targetPath(plugin, volume, pod);
      plugin.mkdir(dirname(target));
      await plugin.publish({
        volumeId: volume.volumeHandle,
        stagingPath: staging,
        targetPath: target,
        access: volume.access,
        readonly: false,
      });
      mount.targets.add(target);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const message = `MountVolume.${volume.access === 'block' ? 'MapDevice' : 'MountDevice'} failed for volume "${volume.pvName}" : ${why}`;
      ctx.events.record(kubeletOn(nodeName), involvedObject(pod), 'Warning', 'FailedMount', message);
      throw new VolumeNotReady(message);
    }
  }
}

/** The kubelet's staging directory for a CSI volume: plugins/kubernetes.io/csi/<driver>/<sha256(handle)>/globalmount. */
function stagingPath(plugin: NodePlugin, volume: PodVolume): string {
  const hash = createHash('sha256').update(volume.volumeHandle).digest('hex');
  return volume.access === 'block'
    ? join(plugin.kubeletDir, 'plugins', 'kubernetes.io', 'csi', 'volumeDevices', 'staging', volume.pvName)
    : join(plugin.kubeletDir, 'plugins', 'kubernetes.io', 'csi', PROVISIONER, hash, 'globalmount');
}

/** The pod's target: pods/<uid>/volumes/kubernetes.io~csi/<pv>/mount, or the block device's publish path. */
function targetPath(plugin: NodePlugin, volume: PodVolume, pod: KubeObject): string {
  const uid = pod.metadata.uid ?? '';
  return volume.access === 'block'
    ? join(
        plugin.kubeletDir,
        'plugins',
        'kubernetes.io',
        'csi',
        'volumeDevices',
        'publish',
        volume.pvName,
        uid,
      )
    : join(plugin.kubeletDir, 'pods', uid, 'volumes', 'kubernetes.io~csi', volume.pvName, 'mount');
}

/** The pod whose target path this is (pods/<uid>/… or …/publish/<pv>/<uid>). */
function podOfTarget(ctx: SimContext, target: string): KubeObject | undefined {
  return ctx.store.list('pods').find((pod) => pod.metadata.uid && target.includes(pod.metadata.uid));
}

/** The node's CSI node id, as node-driver-registrar published it on the Node. */
function nodeIdOf(node: KubeObject | undefined): string | undefined {
  const ids = node?.metadata.annotations?.['csi.volume.kubernetes.io/nodeid'];
  if (!ids) return node ? serverOf(node) : undefined;
  try {
    return (JSON.parse(ids) as Record<string, string>)[PROVISIONER];
  } catch {
    return undefined;
  }
}

/** A pod that no longer needs its volumes: gone from its node's point of view. */
function isGone(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}
