import type { ComposeResponse, Volume, VolumeRequest } from '@drivebay/api-types';
import type { ObjectStore } from '../kube-api/index.js';
import { SIMULATED_CLUSTER } from './cluster-id.js';
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
  /** A node NotReady this long has its pods evicted (the taint manager's 5 min, shortened). */
  evictAfterMs: number;
  /** Every so often a running pod's container restarts (0: never). */
  restartEveryMs: number;
  /** A claim whose provisioning failed is tried again after this long. */
  provisionRetryMs: number;
}

export const defaultClusterSimOptions: ClusterSimOptions = {
  cluster: SIMULATED_CLUSTER,
  workloads: SIMULATED_WORKLOADS,
  tickMs: 250,
  evictAfterMs: 5_000,
  restartEveryMs: 60_000,
  provisionRetryMs: 30_000,
};

/** What every controller of the simulated cluster works with. */
export interface SimContext {
  store: ObjectStore;
  csi: CsiVolumes;
  /** Who the composer records as the caller of the CSI steps: "csi:<cluster>". */
  actor: string;
  options: ClusterSimOptions;
  /** Records a Kubernetes Event about an object, as a controller or the kubelet would. */
  event(involved: InvolvedObject, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

export interface InvolvedObject {
  kind: string;
  name: string;
  namespace?: string | undefined;
}

/** Nodes' events go to "default", as the node controller's do. */
const NAMESPACE_OF_EVENTS = 'default';

export function recordEvent(
  store: ObjectStore,
  involved: InvolvedObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): void {
  const now = new Date().toISOString();
  const namespace = involved.namespace ?? NAMESPACE_OF_EVENTS;
  store.create('events', {
    metadata: { generateName: `${involved.name}.`, namespace },
    involvedObject: { kind: involved.kind, name: involved.name, ...(involved.namespace && { namespace }) },
    reason,
    message,
    type,
    count: 1,
    firstTimestamp: now,
    lastTimestamp: now,
    source: { component: 'drivebay-simulated-cluster' },
  });
}
