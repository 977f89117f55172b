import type { KubeObject } from '../kube-api/index.js';
import { kubeTime } from '../kube-api/index.js';
import { involvedObject, kubeletOn, SOURCES } from './events.js';
import { ImagePulls } from './image-pulls.js';
import { allocatePodIp, internalIp } from './pod-network.js';
import {
  containerStatusesOf,
  containersOf,
  creatingStatus,
  needsReadyReport,
  reportedReadyStatus,
  restartedStatus,
  runningStatus,
  terminatedStatus,
} from './pod-status.js';
import type { SimContext } from './sim-context.js';
import { isReady, podRef, serverOf, specOf, statusOf } from './sim-objects.js';
import { type VolumeManager, VolumeNotReady } from './volume-manager.js';

/**
 * The kubelets of the simulated cluster, one per Ready node (a node whose server is down has no
 * kubelet doing anything): a pod bound to the node goes ContainerCreating while its volumes attach
 * and images pull, then Running on an IP of the node's pod CIDR; a container that terminated is
 * started again (restartPolicy Always); a deleted pod's containers are stopped, then it is gone.
 */
export class Kubelets {
  private readonly images = new ImagePulls();
  /** When the kubelet began stopping a deleted pod, by pod uid. */
  private readonly stopping = new Map<string, number>();

  constructor(private readonly volumes: VolumeManager) {}

  async sync(ctx: SimContext): Promise<void> {
    const pods = ctx.store.list('pods');
    const uids = new Set(pods.map((p) => p.metadata.uid));
    for (const uid of this.stopping.keys()) if (!uids.has(uid)) this.stopping.delete(uid);
    for (const pod of pods) {
      const nodeName = specOf(pod).nodeName as string | undefined;
      const node = nodeName ? ctx.store.get('nodes', { name: nodeName }) : undefined;
      if (!node || !isReady(node)) continue;
      if (pod.metadata.deletionTimestamp) await this.stop(ctx, pod, node.metadata.name);
      // A pod created without a status is Pending, as the apiserver would have stored it.
      else if ((statusOf(pod).phase ?? 'Pending') === 'Pending') await this.start(ctx, pod, node);
      else if (containerStatusesOf(pod).some((s) => s.state.terminated)) this.restart(ctx, pod, node);
      else if (needsReadyReport(pod))
        ctx.store.update('pods', podRef(pod), (current) => ({
          ...current,
          status: reportedReadyStatus(current, kubeTime(ctx.now())),
        }));
    }
  }

  private async start(ctx: SimContext, pod: KubeObject, node: KubeObject): Promise<void> {
    const serverId = serverOf(node);
    if (!serverId) return;
    const creating = containerStatusesOf(pod).every((s) => s.state.waiting?.reason === 'ContainerCreating');
    if (!creating || containerStatusesOf(pod).length === 0)
      pod = ctx.store.update('pods', podRef(pod), (current) => ({
        ...current,
        status: creatingStatus(current, internalIp(node) ?? '', kubeTime(ctx.now())),
      }));
    try {
      await this.volumes.mount(ctx, pod, node);
    } catch (error) {
      // Said already (FailedAttachVolume, FailedMount); tried again on the next pass.
      if (error instanceof VolumeNotReady) return;
      const why = error instanceof Error ? error.message : String(error);
      ctx.events.record(
        SOURCES.attachDetach,
        involvedObject(pod),
        'Warning',
        'FailedAttachVolume',
        `AttachVolume.Attach failed for the pod's volumes : ${why}`,
      );
      return;
    }
    // The pod may have been deleted or replaced while its volumes attached.
    const current = ctx.store.get('pods', podRef(pod));
    if (!current || current.metadata.uid !== pod.metadata.uid || current.metadata.deletionTimestamp) return;
    this.images.pull(ctx, current, node.metadata.name);
    const podIP = allocatePodIp(ctx.store, node, current);
    const running = ctx.store.update('pods', podRef(current), (latest) => ({
      ...latest,
      status: runningStatus(latest, podIP, kubeTime(ctx.now())),
    }));
    this.recordStarted(ctx, running, node.metadata.name);
  }

  private recordStarted(ctx: SimContext, pod: KubeObject, nodeName: string): void {
    for (const container of containersOf(pod)) {
      const about = involvedObject(pod, `spec.containers{${container.name}}`);
      ctx.events.record(
        kubeletOn(nodeName),
        about,
        'Normal',
        'Created',
        `Created container: ${container.name}`,
      );
      ctx.events.record(
        kubeletOn(nodeName),
        about,
        'Normal',
        'Started',
        `Started container ${container.name}`,
      );
    }
  }

  /** restartPolicy Always: a terminated container is started again, as a new container. */
  private restart(ctx: SimContext, pod: KubeObject, node: KubeObject): void {
    for (const container of containersOf(pod))
      ctx.events.record(
        kubeletOn(node.metadata.name),
        involvedObject(pod, `spec.containers{${container.name}}`),
        'Normal',
        'Pulled',
        `Container image "${container.image}" already present on machine`,
      );
    const restarted = ctx.store.update('pods', podRef(pod), (current) => ({
      ...current,
      status: restartedStatus(current, kubeTime(ctx.now())),
    }));
    this.recordStarted(ctx, restarted, node.metadata.name);
  }

  /**
   * A deleted pod: its containers are stopped, its volumes unpublished (and unstaged when no other
   * pod on the node uses them), then the kubelet's final status removes it.
   */
  private async stop(ctx: SimContext, pod: KubeObject, nodeName: string): Promise<void> {
    const uid = pod.metadata.uid ?? '';
    const since = this.stopping.get(uid);
    if (since === undefined) {
      this.stopping.set(uid, ctx.now());
      for (const container of containersOf(pod))
        ctx.events.record(
          kubeletOn(nodeName),
          involvedObject(pod, `spec.containers{${container.name}}`),
          'Normal',
          'Killing',
          `Stopping container ${container.name}`,
        );
      if (statusOf(pod).phase === 'Running')
        ctx.store.update('pods', podRef(pod), (current) => ({
          ...current,
          status: terminatedStatus(current, kubeTime(ctx.now()), { exitCode: 0, reason: 'Completed' }),
        }));
      return;
    }
    if (ctx.now() - since < ctx.options.containerStopMs) return;
    try {
      await this.volumes.unmount(ctx, pod, nodeName);
    } catch (error) {
      ctx.events.record(
        kubeletOn(nodeName),
        involvedObject(pod),
        'Warning',
        'FailedUnmount',
        `UnmountVolume.TearDown failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return; // the pod stays Terminating until its volumes are unmounted, as the kubelet keeps it
    }
    this.stopping.delete(uid);
    ctx.store.delete('pods', podRef(pod));
  }
}
