import type {
  ClaimObject,
  KubeEventObject,
  NodeObject,
  PodObject,
  VolumeObject,
  WatchedKind,
  WatchedObject,
} from '@drivebay/composer';
import type {
  CoreV1Event,
  KubernetesObject,
  V1Node,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
} from '@kubernetes/client-node';

/**
 * The Kubernetes API's objects as the composer's plain observations: only the fields bindings
 * are made of, so the composer decides without knowing the client library.
 */

export function nodeObject(node: V1Node): NodeObject {
  return {
    name: node.metadata?.name ?? '',
    uid: node.metadata?.uid ?? '',
    labels: node.metadata?.labels ?? {},
    ready: node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
  };
}

export function volumeObject(pv: V1PersistentVolume): VolumeObject {
  const csi = pv.spec?.csi;
  return {
    name: pv.metadata?.name ?? '',
    driver: csi?.driver ?? null,
    volumeHandle: csi?.volumeHandle ?? null,
  };
}

export function claimObject(claim: V1PersistentVolumeClaim): ClaimObject {
  const request = claim.spec?.resources?.requests?.storage;
  return {
    namespace: claim.metadata?.namespace ?? '',
    name: claim.metadata?.name ?? '',
    uid: claim.metadata?.uid ?? '',
    phase: claim.status?.phase ?? 'Pending',
    storageClass: claim.spec?.storageClassName ?? null,
    request: request === undefined ? null : String(request),
    volumeName: claim.spec?.volumeName || null,
  };
}

export function podObject(pod: V1Pod): PodObject {
  const statuses = pod.status?.containerStatuses ?? [];
  return {
    namespace: pod.metadata?.namespace ?? 'default',
    name: pod.metadata?.name ?? '',
    uid: pod.metadata?.uid ?? '',
    nodeName: pod.spec?.nodeName || null,
    claimNames: (pod.spec?.volumes ?? []).flatMap((v) =>
      v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
    ),
    phase: pod.status?.phase ?? 'Pending',
    deleting: Boolean(pod.metadata?.deletionTimestamp),
    ready: pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    restarts: statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0),
    owners: (pod.metadata?.ownerReferences ?? []).map((o) => ({
      kind: o.kind,
      name: o.name,
      controller: o.controller === true,
    })),
    templateHash: pod.metadata?.labels?.['pod-template-hash'] ?? null,
    startedAt: pod.status?.startTime ? new Date(pod.status.startTime).toISOString() : null,
  };
}

/** When a Kubernetes Event last happened: events.k8s.io time, else the core fields. */
export function kubeEventObject(e: CoreV1Event): KubeEventObject {
  const involved = e.involvedObject ?? {};
  return {
    involved: {
      kind: involved.kind ?? null,
      namespace: involved.namespace ?? null,
      name: involved.name ?? null,
    },
    reason: e.reason ?? null,
    message: e.message ?? null,
    type: e.type ?? null,
    count: e.count ?? 1,
    at: isoOrNull(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp),
  };
}

/** The observation of a watched object of `kind`. */
export function watchedObject(kind: WatchedKind, object: KubernetesObject): WatchedObject {
  switch (kind) {
    case 'nodes':
      return nodeObject(object as V1Node);
    case 'pvs':
      return volumeObject(object as V1PersistentVolume);
    case 'claims':
      return claimObject(object as V1PersistentVolumeClaim);
    case 'pods':
      return podObject(object as V1Pod);
  }
}

function isoOrNull(time: Date | string | undefined): string | null {
  if (!time) return null;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
