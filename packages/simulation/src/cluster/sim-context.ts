import type { ObjectStore } from '../kube-api/index.js';
import { SIMULATED_CLUSTER } from './cluster-id.js';
import type { CsiDriver } from './csi-driver.js';
import type { EventRecorder } from './events.js';
import { SIMULATED_WORKLOADS, type SimulatedWorkload } from './workloads.js';

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
  /** The CSI driver, as the sidecars and kubelets reach it. */
  csi: CsiDriver;
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
