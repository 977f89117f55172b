/**
 * What the Kubernetes source observes, as plain data: only the fields bindings are made of. The
 * source translates the API's objects into these, so the composer decides without knowing any
 * client library.
 */

export interface NodeObject {
  name: string;
  uid: string;
  labels: Readonly<Record<string, string>>;
  /** Its Ready condition is True. */
  ready: boolean;
}

/** A PersistentVolume: its CSI driver and volume handle, when it has them. */
export interface VolumeObject {
  name: string;
  driver: string | null;
  volumeHandle: string | null;
}

export interface ClaimObject {
  namespace: string;
  name: string;
  uid: string;
  phase: string;
  storageClass: string | null;
  /** `spec.resources.requests.storage`, as written ("10Gi"). */
  request: string | null;
  /** The bound PersistentVolume's name. */
  volumeName: string | null;
}

export interface OwnerObject {
  kind: string;
  name: string;
  controller: boolean;
}

export interface PodObject {
  namespace: string;
  name: string;
  uid: string;
  nodeName: string | null;
  /** PVCs the pod mounts, in its namespace, in volume order. */
  claimNames: readonly string[];
  phase: string;
  /** Deletion has begun (`deletionTimestamp` set). */
  deleting: boolean;
  ready: boolean;
  restarts: number;
  owners: readonly OwnerObject[];
  /** The `pod-template-hash` label, which names a Deployment's ReplicaSet. */
  templateHash: string | null;
  /** ISO time. */
  startedAt: string | null;
}

/** A Kubernetes Event, with the time it last happened (ISO), or null when it carries none. */
export interface KubeEventObject {
  involved: { kind: string | null; namespace: string | null; name: string | null };
  reason: string | null;
  message: string | null;
  type: string | null;
  count: number;
  at: string | null;
}

/** The kinds bindings are made of, named as the records they become (and their collections). */
export type WatchedKind = 'nodes' | 'pvs' | 'claims' | 'pods';
export type WatchedObject = NodeObject | VolumeObject | ClaimObject | PodObject;
