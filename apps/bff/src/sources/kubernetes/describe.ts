import type { Claim, KubeNode, Pod, Server, WorkloadRef } from '@drivebay/api-types';
import { quantityBytes } from '@drivebay/composer';
import type { V1Node, V1PersistentVolume, V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';

/** Drivebay's CSI driver: PVs it provisioned carry it, and their volumeHandle is the composer volume id. */
export const DRIVEBAY_DRIVER = 'csi.drivebay.io';
/** The node label that names the composer server a node runs on. */
export const SERVER_LABEL = 'drivebay.io/server';

/** Servers by what a node may be called: the label's value, the server id, or its hostname. */
export class ServerLookup {
  private readonly byId = new Map<string, Server>();
  private readonly byHostname = new Map<string, Server>();

  constructor(servers: Iterable<Server>) {
    for (const server of servers) {
      this.byId.set(server.id, server);
      this.byHostname.set(server.hostname.toLowerCase(), server);
    }
  }

  /** The label wins; else a node named like the server's hostname (short or full) or id. */
  match(node: V1Node): { server: string; matchedBy: 'label' | 'name' } | null {
    const label = node.metadata?.labels?.[SERVER_LABEL];
    if (label && this.byId.has(label)) return { server: label, matchedBy: 'label' };
    const name = (node.metadata?.name ?? '').toLowerCase();
    const byName =
      this.byHostname.get(name) ?? this.byId.get(name) ?? this.byHostname.get(name.split('.')[0] ?? '');
    return byName ? { server: byName.id, matchedBy: 'name' } : null;
  }
}

export function describeNode(cluster: string, node: V1Node, servers: ServerLookup): KubeNode {
  const match = servers.match(node);
  return {
    cluster,
    name: node.metadata?.name ?? '',
    uid: node.metadata?.uid ?? '',
    ready: node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    server: match?.server ?? null,
    matchedBy: match?.matchedBy ?? null,
  };
}

export function describeClaim(
  cluster: string,
  claim: V1PersistentVolumeClaim,
  pvs: ReadonlyMap<string, V1PersistentVolume>,
): Claim {
  const pvName = claim.spec?.volumeName || null;
  const pv = pvName ? pvs.get(pvName) : undefined;
  const csi = pv?.spec?.csi;
  const request = claim.spec?.resources?.requests?.storage;
  return {
    cluster,
    namespace: claim.metadata?.namespace ?? '',
    name: claim.metadata?.name ?? '',
    uid: claim.metadata?.uid ?? '',
    phase: claim.status?.phase ?? 'Pending',
    storageClass: claim.spec?.storageClassName ?? null,
    requestBytes: request === undefined ? null : quantityBytes(String(request)),
    pv: pvName,
    driver: csi?.driver ?? null,
    volumeHandle: csi?.volumeHandle ?? null,
    volumeId: csi?.driver === DRIVEBAY_DRIVER && isId(csi.volumeHandle) ? csi.volumeHandle : null,
  };
}

/**
 * A pod with its chain: node → server, and claims → composer volumes. `claims` looks up the
 * described claims of the pod's namespace by name.
 */
export function describePod(
  cluster: string,
  pod: V1Pod,
  nodes: ReadonlyMap<string, KubeNode>,
  claims: (namespace: string, name: string) => Claim | undefined,
): Pod {
  const namespace = pod.metadata?.namespace ?? 'default';
  const nodeName = pod.spec?.nodeName || null;
  const claimNames = (pod.spec?.volumes ?? []).flatMap((v) =>
    v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
  );
  const volumeIds = claimNames.flatMap((name) => claims(namespace, name)?.volumeId ?? []);
  const statuses = pod.status?.containerStatuses ?? [];
  return {
    cluster,
    namespace,
    name: pod.metadata?.name ?? '',
    uid: pod.metadata?.uid ?? '',
    phase: pod.metadata?.deletionTimestamp ? 'Terminating' : (pod.status?.phase ?? 'Pending'),
    ready: pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    restarts: statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0),
    node: nodeName,
    server: nodeName ? (nodes.get(nodeName)?.server ?? null) : null,
    workload: workloadOf(pod),
    claims: claimNames,
    volumeIds: [...new Set(volumeIds)],
    startedAt: pod.status?.startTime ? new Date(pod.status.startTime).toISOString() : null,
  };
}

/**
 * The workload a pod belongs to, from its controller reference. A ReplicaSet named
 * "<deployment>-<pod-template-hash>" belongs to that Deployment (what `kubectl` shows), so
 * ReplicaSets need not be watched.
 */
export function workloadOf(pod: V1Pod): WorkloadRef | null {
  const owner =
    pod.metadata?.ownerReferences?.find((o) => o.controller) ?? pod.metadata?.ownerReferences?.[0];
  if (!owner) return null;
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) {
    return { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1) };
  }
  return { kind: owner.kind, name: owner.name };
}

function isId(value: string | undefined): value is string {
  return value !== undefined && /^[a-z0-9][a-z0-9._-]*$/.test(value) && value.length <= 128;
}
