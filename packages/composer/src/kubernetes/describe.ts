import type { Claim, KubeNode, Pod, Server, WorkloadRef } from '@drivebay/api-types';
import { DRIVEBAY_DRIVER, quantityBytes } from '@drivebay/api-types';
import type { ClaimObject, NodeObject, PodObject, VolumeObject } from './objects.js';

export { DRIVEBAY_DRIVER };
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
  match(node: NodeObject): { server: string; matchedBy: 'label' | 'name' } | null {
    const label = node.labels[SERVER_LABEL];
    if (label && this.byId.has(label)) return { server: label, matchedBy: 'label' };
    const name = node.name.toLowerCase();
    const byName =
      this.byHostname.get(name) ?? this.byId.get(name) ?? this.byHostname.get(name.split('.')[0] ?? '');
    return byName ? { server: byName.id, matchedBy: 'name' } : null;
  }
}

export function describeNode(cluster: string, node: NodeObject, servers: ServerLookup): KubeNode {
  const match = servers.match(node);
  return {
    cluster,
    name: node.name,
    uid: node.uid,
    ready: node.ready,
    server: match?.server ?? null,
    matchedBy: match?.matchedBy ?? null,
  };
}

export function describeClaim(
  cluster: string,
  claim: ClaimObject,
  pvs: ReadonlyMap<string, VolumeObject>,
): Claim {
  const pv = claim.volumeName ? pvs.get(claim.volumeName) : undefined;
  return {
    cluster,
    namespace: claim.namespace,
    name: claim.name,
    uid: claim.uid,
    phase: claim.phase,
    storageClass: claim.storageClass,
    requestBytes: claim.request === null ? null : quantityBytes(claim.request),
    pv: claim.volumeName,
    driver: pv?.driver ?? null,
    volumeHandle: pv?.volumeHandle ?? null,
    volumeId: pv?.driver === DRIVEBAY_DRIVER && isId(pv.volumeHandle) ? pv.volumeHandle : null,
  };
}

/**
 * A pod with its chain: node → server, and claims → composer volumes. `claims` looks up the
 * described claims of the pod's namespace by name.
 */
export function describePod(
  cluster: string,
  pod: PodObject,
  nodes: ReadonlyMap<string, KubeNode>,
  claims: (namespace: string, name: string) => Claim | undefined,
): Pod {
  const volumeIds = pod.claimNames.flatMap((name) => claims(pod.namespace, name)?.volumeId ?? []);
  return {
    cluster,
    namespace: pod.namespace,
    name: pod.name,
    uid: pod.uid,
    phase: pod.deleting ? 'Terminating' : pod.phase,
    ready: pod.ready,
    restarts: pod.restarts,
    node: pod.nodeName,
    server: pod.nodeName ? (nodes.get(pod.nodeName)?.server ?? null) : null,
    workload: workloadOf(pod),
    claims: [...pod.claimNames],
    volumeIds: [...new Set(volumeIds)],
    startedAt: pod.startedAt,
  };
}

/**
 * The workload a pod belongs to, from its controller reference. A ReplicaSet named
 * "<deployment>-<pod-template-hash>" belongs to that Deployment (what `kubectl` shows), so
 * ReplicaSets need not be watched.
 */
export function workloadOf(pod: Pick<PodObject, 'owners' | 'templateHash'>): WorkloadRef | null {
  const owner = pod.owners.find((o) => o.controller) ?? pod.owners[0];
  if (!owner) return null;
  const hash = pod.templateHash;
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) {
    return { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1) };
  }
  return { kind: owner.kind, name: owner.name };
}

function isId(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^[a-z0-9][a-z0-9._-]*$/.test(value) && value.length <= 128;
}
