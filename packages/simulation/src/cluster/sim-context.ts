import type { ComposeResponse, Volume, VolumeRequest } from '@drivebay/api-types';
import type { ObjectStore } from '../kube-api/index.js';
import { SIMULATED_CLUSTER } from './cluster-id.js';
import type { EventRecorder } from './events.js';
import { SIMULATED_WORKLOADS, type SimulatedWorkload } from './workloads.js';

/** The composer's CSI controller and node services, as the simulated sidecars and kubelet call them. */
export interface CsiVolumes {
  compose(request: VolumeRequest, actor: string): Promise<ComposeResponse>;
  get(id: string): Volume;
  publish(id: string, serverId: string, actor: string): Promise<Volume>;
  unpublish(id: string, serverId: string, actor: string): Promise<Volume>;
  stage(id: string, stagingPath: string, actor: string): Promise<Volume>;
  unstage(id: string, stagingPath: string, actor: string): Promise<Volume>;
  nodePublish(id: string, targetPath: string, actor: string): Promise<Volume>;
  nodeUnpublish(id: string, targetPath: string, actor: string): Promise<Volume>;
}

export interface ClusterSimOptions {
  /** The logical cluster the volumes belong to. */
  cluster: string;
  workloads: readonly SimulatedWorkload[];
  tickMs: number;
  /**
   * What the default tolerations' 300 s on an unreachable or not-ready node take here: every
   * tolerationSeconds (and so the taint manager's eviction), grace period and pod GC period of
   * the simulated cluster is scaled by evictAfterMs / 300 s.
   */
  evictAfterMs: number;
  /** How long a kubelet takes to stop a deleted pod's containers before the pod is gone. */
  containerStopMs: number;
  /** Every so often a running pod's container is OOM-killed and restarted (0: never). */
  restartEveryMs: number;
  /** A claim whose provisioning failed is tried again after this long. */
  provisionRetryMs: number;
  /** Events last seen longer ago than this are deleted (the apiserver's --event-ttl, 1 h). */
  eventTtlMs: number;
  /** The cluster's clock (tests pass a fake one to step through timeouts). */
  now: () => number;
}

export const defaultClusterSimOptions: ClusterSimOptions = {
  cluster: SIMULATED_CLUSTER,
  workloads: SIMULATED_WORKLOADS,
  tickMs: 250,
  evictAfterMs: 5_000,
  containerStopMs: 1_000,
  restartEveryMs: 60_000,
  provisionRetryMs: 30_000,
  eventTtlMs: 3_600_000,
  now: () => Date.now(),
};

/** What every controller of the simulated cluster works with. */
export interface SimContext {
  store: ObjectStore;
  csi: CsiVolumes;
  /** Who the composer records as the caller of the CSI steps: "csi:<cluster>". */
  actor: string;
  options: ClusterSimOptions;
  /** The cluster's clock, from the options. */
  now(): number;
  /** Records Kubernetes Events as the controllers and kubelets would (repeats bump the count). */
  events: EventRecorder;
}

/** Real seconds (a tolerationSeconds, a grace period) in the simulated cluster's shortened time. */
export function scaledMs(ctx: SimContext, seconds: number): number {
  return (seconds * ctx.options.evictAfterMs) / 300;
}
