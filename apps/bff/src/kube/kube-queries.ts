import type {
  ChainDrive,
  Claim,
  ClaimChain,
  ClaimDetail,
  ClaimList,
  ClaimListQuery,
  ClaimView,
  ClusterList,
  NamespacedRef,
  NodeList,
  Pod,
  PodDetail,
  PodList,
  PodListQuery,
  PodView,
  Volume,
  VolumeHealth,
  WorkloadList,
  WorkloadListQuery,
  WorkloadSummary,
} from '@drivebay/api-types';
import { claimId, type Inventory, isAffected, nodeId, podId, worstVolumeHealth } from '@drivebay/composer';
import { CommandError } from '../commands/errors.js';
import type { KubeView } from '../state/kube-view.js';
import type { VolumeView } from '../state/volume-view.js';

/** What the Kubernetes views read: the podwatchers' records joined with volumes and inventory. */
export interface KubeState {
  kube: KubeView;
  volumes: VolumeView;
  inventory: Inventory;
}

/** The worst health among volumes (null with none known). */
export function worstHealth(state: KubeState, volumeIds: readonly string[]): VolumeHealth | null {
  return worstVolumeHealth(volumeIds.map((id) => state.volumes.volumes.get(id)?.health));
}

const byName = <T extends { cluster: string; namespace: string; name: string }>(a: T, b: T) =>
  a.cluster.localeCompare(b.cluster) ||
  a.namespace.localeCompare(b.namespace) ||
  a.name.localeCompare(b.name, 'en', { numeric: true });

/** Volume ids a drive or enclosure filter admits, or undefined without such a filter. */
function volumesUnder(state: KubeState, query: { drive?: string; enclosure?: string; volume?: string }) {
  if (!query.drive && !query.enclosure && !query.volume) return undefined;
  let ids: Set<string> | undefined;
  const narrow = (next: Iterable<string>) => {
    const set = new Set(next);
    ids = ids ? new Set([...ids].filter((id) => set.has(id))) : set;
  };
  if (query.volume) narrow([query.volume]);
  if (query.drive) narrow(state.volumes.onDrive(query.drive).map((v) => v.id));
  if (query.enclosure) {
    const enclosure = query.enclosure;
    narrow(
      [...state.volumes.volumes.values()]
        .filter((v) => v.members.some((m) => m.enclosureId === enclosure))
        .map((v) => v.id),
    );
  }
  return ids ?? new Set<string>();
}

function candidates<T>(
  all: Map<string, T>,
  byVolume: (id: string) => T[],
  volumeIds: Set<string> | undefined,
): Iterable<T> {
  if (!volumeIds) return all.values();
  const seen = new Set<T>();
  for (const id of volumeIds) for (const item of byVolume(id)) seen.add(item);
  return seen;
}

function textMatch(q: string | undefined, ...parts: string[]): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  return parts.some((part) => part.toLowerCase().includes(needle));
}

export function listPods(state: KubeState, query: PodListQuery): PodList {
  const volumeIds = volumesUnder(state, query);
  const matching: PodView[] = [];
  for (const pod of candidates(state.kube.pods, (id) => state.kube.podsOfVolume(id), volumeIds)) {
    if (query.cluster && pod.cluster !== query.cluster) continue;
    if (query.namespace && pod.namespace !== query.namespace) continue;
    if (query.server && pod.server !== query.server) continue;
    if (query.node && pod.node !== query.node) continue;
    if (query.workload && `${pod.workload?.kind}/${pod.workload?.name}` !== query.workload) continue;
    if (!textMatch(query.q, `${pod.namespace}/${pod.name}`, pod.workload?.name ?? '')) continue;
    const health = worstHealth(state, pod.volumeIds);
    if (query.affected === 'true' && !isAffected(health)) continue;
    matching.push({ ...pod, health });
  }
  matching.sort(byName);
  return { pods: matching.slice(0, query.limit), total: matching.length };
}

function claimView(state: KubeState, claim: Claim): ClaimView {
  const pods = state.kube
    .podsOfVolume(claim.volumeId ?? '')
    .filter(
      (p) => p.cluster === claim.cluster && p.namespace === claim.namespace && p.claims.includes(claim.name),
    )
    .map((p) => p.name)
    .sort();
  return { ...claim, health: worstHealth(state, claim.volumeId ? [claim.volumeId] : []), pods };
}

export function listClaims(state: KubeState, query: ClaimListQuery): ClaimList {
  const volumeIds = volumesUnder(state, query);
  const matching: ClaimView[] = [];
  for (const claim of candidates(state.kube.claims, (id) => state.kube.claimsOfVolume(id), volumeIds)) {
    if (query.cluster && claim.cluster !== query.cluster) continue;
    if (query.namespace && claim.namespace !== query.namespace) continue;
    if (!textMatch(query.q, `${claim.namespace}/${claim.name}`, claim.pv ?? '', claim.volumeId ?? ''))
      continue;
    const view = claimView(state, claim);
    if (query.affected === 'true' && !isAffected(view.health)) continue;
    matching.push(view);
  }
  matching.sort(byName);
  return { claims: matching.slice(0, query.limit), total: matching.length };
}

export function listClusters(state: KubeState): ClusterList {
  const clusters = [...state.kube.clusters.values()].sort((a, b) => a.id.localeCompare(b.id));
  const counts = new Map(
    clusters.map((c) => [
      c.id,
      { nodes: 0, nodesMatched: 0, pods: 0, podsWithVolumes: 0, claims: 0, claimsResolved: 0 },
    ]),
  );
  for (const node of state.kube.nodes.values()) {
    const c = counts.get(node.cluster);
    if (!c) continue;
    c.nodes++;
    if (node.server) c.nodesMatched++;
  }
  for (const pod of state.kube.pods.values()) {
    const c = counts.get(pod.cluster);
    if (!c) continue;
    c.pods++;
    if (pod.volumeIds.length > 0) c.podsWithVolumes++;
  }
  for (const claim of state.kube.claims.values()) {
    const c = counts.get(claim.cluster);
    if (!c) continue;
    c.claims++;
    if (claim.volumeId) c.claimsResolved++;
  }
  return { clusters: clusters.map((c) => ({ ...c, counts: counts.get(c.id) ?? (undefined as never) })) };
}

export function listWorkloads(state: KubeState, query: WorkloadListQuery): WorkloadList {
  const workloads = new Map<string, WorkloadSummary & { volumeSet: Set<string>; serverSet: Set<string> }>();
  const namespaces = new Map<
    string,
    { cluster: string; name: string; pods: number; workloads: Set<string>; claims: number }
  >();
  const namespaceOf = (cluster: string, name: string) => {
    const key = `${cluster}/${name}`;
    let ns = namespaces.get(key);
    if (!ns) {
      ns = { cluster, name, pods: 0, workloads: new Set(), claims: 0 };
      namespaces.set(key, ns);
    }
    return ns;
  };
  for (const pod of state.kube.pods.values()) {
    if (query.cluster && pod.cluster !== query.cluster) continue;
    const ns = namespaceOf(pod.cluster, pod.namespace);
    ns.pods++;
    if (query.namespace && pod.namespace !== query.namespace) continue;
    const owner = pod.workload ?? { kind: 'Pod', name: pod.name };
    const key = `${pod.cluster}/${pod.namespace}/${owner.kind}/${owner.name}`;
    ns.workloads.add(key);
    let w = workloads.get(key);
    if (!w) {
      w = {
        cluster: pod.cluster,
        namespace: pod.namespace,
        kind: owner.kind,
        name: owner.name,
        pods: 0,
        readyPods: 0,
        restarts: 0,
        claims: 0,
        volumeIds: [],
        servers: [],
        health: null,
        volumeSet: new Set(),
        serverSet: new Set(),
      };
      workloads.set(key, w);
    }
    w.pods++;
    if (pod.ready) w.readyPods++;
    w.restarts += pod.restarts;
    w.claims += pod.claims.length;
    for (const id of pod.volumeIds) w.volumeSet.add(id);
    if (pod.server) w.serverSet.add(pod.server);
  }
  for (const claim of state.kube.claims.values()) {
    if (query.cluster && claim.cluster !== query.cluster) continue;
    namespaceOf(claim.cluster, claim.namespace).claims++;
  }
  const summaries = [...workloads.values()].map(({ volumeSet, serverSet, ...w }) => {
    const volumeIds = [...volumeSet].sort();
    return { ...w, volumeIds, servers: [...serverSet].sort(), health: worstHealth(state, volumeIds) };
  });
  summaries.sort(byName);
  return {
    namespaces: [...namespaces.values()]
      .map((ns) => ({
        cluster: ns.cluster,
        name: ns.name,
        pods: ns.pods,
        workloads: ns.workloads.size,
        claims: ns.claims,
      }))
      .sort((a, b) => a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name)),
    workloads: summaries,
  };
}

export function listNodes(state: KubeState, query: { cluster?: string | undefined }): NodeList {
  const podsOnNode = new Map<string, number>();
  for (const pod of state.kube.pods.values()) {
    if (!pod.node) continue;
    const key = nodeId({ cluster: pod.cluster, name: pod.node });
    podsOnNode.set(key, (podsOnNode.get(key) ?? 0) + 1);
  }
  const nodes = [...state.kube.nodes.entries()]
    .filter(([, node]) => !query.cluster || node.cluster === query.cluster)
    .map(([key, node]) => {
      const server = node.server ? state.inventory.servers.get(node.server) : undefined;
      return {
        ...node,
        pods: podsOnNode.get(key) ?? 0,
        serverHostname: server?.hostname ?? null,
        serverState: server?.state ?? null,
      };
    })
    .sort(
      (a, b) => a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name, 'en', { numeric: true }),
    );
  return { nodes };
}

/** Where a volume's data lives: every member with its drive and bay. */
export function chainDrives(state: KubeState, volume: Volume): ChainDrive[] {
  return volume.members.map((member) => {
    const drive = state.inventory.drives.get(member.driveId);
    return {
      driveId: member.driveId,
      serial: drive?.serial ?? null,
      media: drive?.media ?? null,
      health: drive?.health ?? null,
      enclosureId: member.enclosureId,
      bay: drive?.bay ?? null,
      storageGroup: member.storageGroup,
      slice: member.slice ?? null,
      set: member.set,
      copy: member.copy,
      memberState: member.state,
    };
  });
}

function claimChain(state: KubeState, claim: Claim): ClaimChain {
  const volume = claim.volumeId ? (state.volumes.volumes.get(claim.volumeId) ?? null) : null;
  return { claim, volume, drives: volume ? chainDrives(state, volume) : [] };
}

export function podDetail(state: KubeState, ref: NamespacedRef): PodDetail {
  const pod = state.kube.pods.get(podId(ref));
  if (!pod) {
    throw new CommandError(
      'NOT_FOUND',
      `pod ${ref.namespace}/${ref.name} is not known in cluster "${ref.cluster}"`,
      'name',
    );
  }
  const node = pod.node
    ? (state.kube.nodes.get(nodeId({ cluster: pod.cluster, name: pod.node })) ?? null)
    : null;
  const server = pod.server ? state.inventory.servers.get(pod.server) : undefined;
  const claims = pod.claims.map((name): ClaimChain => {
    const claim = state.kube.claims.get(claimId({ cluster: pod.cluster, namespace: pod.namespace, name }));
    return claim ? claimChain(state, claim) : { claim: missingClaim(pod, name), volume: null, drives: [] };
  });
  return {
    pod: { ...pod, health: worstHealth(state, pod.volumeIds) },
    node,
    serverHostname: server?.hostname ?? null,
    serverState: server?.state ?? null,
    claims,
  };
}

/** A PVC the pod names but the cluster does not have (yet): shown as such, not hidden. */
function missingClaim(pod: Pod, name: string): Claim {
  return {
    cluster: pod.cluster,
    namespace: pod.namespace,
    name,
    uid: '',
    phase: 'Missing',
    storageClass: null,
    requestBytes: null,
    pv: null,
    driver: null,
    volumeHandle: null,
    volumeId: null,
  };
}

export function claimDetail(state: KubeState, ref: NamespacedRef): ClaimDetail {
  const claim = state.kube.claims.get(claimId(ref));
  if (!claim) {
    throw new CommandError(
      'NOT_FOUND',
      `PVC ${ref.namespace}/${ref.name} is not known in cluster "${ref.cluster}"`,
      'name',
    );
  }
  const pods = [...state.kube.pods.values()]
    .filter(
      (p) => p.cluster === claim.cluster && p.namespace === claim.namespace && p.claims.includes(claim.name),
    )
    .map((p) => ({ ...p, health: worstHealth(state, p.volumeIds) }))
    .sort(byName);
  return {
    ...claimChain(state, claim),
    pods,
    health: worstHealth(state, claim.volumeId ? [claim.volumeId] : []),
  };
}
