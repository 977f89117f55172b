import type { Claim, KubeNode, Pod } from '@drivebay/api-types';
import { describeClaim, describeNode, describePod, type ServerLookup } from './describe.js';
import { claimId, nodeId, podId } from './ids.js';
import type {
  ClaimObject,
  NodeObject,
  PodObject,
  VolumeObject,
  WatchedKind,
  WatchedObject,
} from './objects.js';

/** The records bindings are kept in, by kind and id; undefined: the object is gone. */
export interface BindingChanges {
  nodes: Map<string, KubeNode | undefined>;
  claims: Map<string, Claim | undefined>;
  pods: Map<string, Pod | undefined>;
}

const nsName = (o: { namespace: string; name: string }) => `${o.namespace}/${o.name}`;

/**
 * A cluster's bindings kept current change by change, so that a pod restarting in a cluster of
 * 150,000 pods re-describes one pod, not all of them (a whole description costs ~2 s there; see
 * bench/RESULTS.md). A node change re-describes its pods; a PV change its claim; a claim change
 * its pods. `takeChanges` hands out what changed since the last call.
 */
export class ClusterBindings {
  private readonly nodes = new Map<string, NodeObject>();
  private readonly pvs = new Map<string, VolumeObject>();
  private readonly claims = new Map<string, ClaimObject>();
  private readonly pods = new Map<string, PodObject>();
  private readonly nodeRecords = new Map<string, KubeNode>();
  private readonly claimRecords = new Map<string, Claim>();
  private readonly podsByNode = new Map<string, Set<string>>();
  private readonly podsByClaim = new Map<string, Set<string>>();
  private readonly claimsByPv = new Map<string, Set<string>>();
  private readonly dirtyNodes = new Set<string>();
  private readonly dirtyClaims = new Set<string>();
  private readonly dirtyPods = new Set<string>();

  constructor(
    readonly cluster: string,
    private servers: ServerLookup,
  ) {}

  /** The servers changed (rare): every node is matched again, and so every pod. */
  setServers(servers: ServerLookup): void {
    this.servers = servers;
    for (const name of this.nodes.keys()) this.dirtyNodes.add(name);
  }

  upsert(kind: WatchedKind, object: WatchedObject): void {
    this.apply(kind, object, false);
  }

  remove(kind: WatchedKind, object: WatchedObject): void {
    this.apply(kind, object, true);
  }

  private apply(kind: WatchedKind, object: WatchedObject, removed: boolean): void {
    switch (kind) {
      case 'nodes': {
        const node = object as NodeObject;
        if (removed) this.nodes.delete(node.name);
        else this.nodes.set(node.name, node);
        this.dirtyNodes.add(node.name);
        return;
      }
      case 'pvs': {
        const pv = object as VolumeObject;
        if (removed) this.pvs.delete(pv.name);
        else this.pvs.set(pv.name, pv);
        for (const claim of this.claimsByPv.get(pv.name) ?? []) this.dirtyClaims.add(claim);
        return;
      }
      case 'claims': {
        const claim = object as ClaimObject;
        const key = nsName(claim);
        const before = this.claims.get(key)?.volumeName;
        if (before) this.claimsByPv.get(before)?.delete(key);
        if (removed) this.claims.delete(key);
        else {
          this.claims.set(key, claim);
          if (claim.volumeName) indexUnder(this.claimsByPv, claim.volumeName, key);
        }
        this.dirtyClaims.add(key);
        return;
      }
      case 'pods': {
        const pod = object as PodObject;
        const key = nsName(pod);
        this.unindexPod(key);
        if (removed) this.pods.delete(key);
        else {
          this.pods.set(key, pod);
          if (pod.nodeName) indexUnder(this.podsByNode, pod.nodeName, key);
          for (const name of pod.claimNames) indexUnder(this.podsByClaim, `${pod.namespace}/${name}`, key);
        }
        this.dirtyPods.add(key);
        return;
      }
    }
  }

  private unindexPod(key: string): void {
    const pod = this.pods.get(key);
    if (!pod) return;
    if (pod.nodeName) this.podsByNode.get(pod.nodeName)?.delete(key);
    for (const name of pod.claimNames) this.podsByClaim.get(`${pod.namespace}/${name}`)?.delete(key);
  }

  /** Records changed since the last call, by id; undefined means the object is gone. */
  takeChanges(): BindingChanges {
    const out: BindingChanges = { nodes: new Map(), claims: new Map(), pods: new Map() };
    const { cluster } = this;
    for (const name of this.dirtyNodes) {
      const object = this.nodes.get(name);
      const record = object ? describeNode(cluster, object, this.servers) : undefined;
      if (record) this.nodeRecords.set(name, record);
      else this.nodeRecords.delete(name);
      out.nodes.set(nodeId({ cluster, name }), record);
      for (const pod of this.podsByNode.get(name) ?? []) this.dirtyPods.add(pod);
    }
    for (const key of this.dirtyClaims) {
      const object = this.claims.get(key);
      const record = object ? describeClaim(cluster, object, this.pvs) : undefined;
      if (record) this.claimRecords.set(key, record);
      else this.claimRecords.delete(key);
      const [namespace = '', name = ''] = key.split('/');
      out.claims.set(claimId({ cluster, namespace, name }), record);
      for (const pod of this.podsByClaim.get(key) ?? []) this.dirtyPods.add(pod);
    }
    const claimOf = (namespace: string, name: string) => this.claimRecords.get(`${namespace}/${name}`);
    for (const key of this.dirtyPods) {
      const object = this.pods.get(key);
      const [namespace = '', name = ''] = key.split('/');
      out.pods.set(
        podId({ cluster, namespace, name }),
        object ? describePod(cluster, object, this.nodeRecords, claimOf) : undefined,
      );
    }
    this.dirtyNodes.clear();
    this.dirtyClaims.clear();
    this.dirtyPods.clear();
    return out;
  }

  /** Every record, by kind and id: what the store should hold for the cluster. */
  all(): BindingChanges {
    this.takeChanges();
    return describeCluster(
      this.cluster,
      {
        nodes: [...this.nodes.values()],
        pvs: [...this.pvs.values()],
        claims: [...this.claims.values()],
        pods: [...this.pods.values()],
      },
      this.servers,
    );
  }
}

/** The objects of one cluster that bindings are made from. */
export interface ClusterObjects {
  nodes: readonly NodeObject[];
  pvs: readonly VolumeObject[];
  claims: readonly ClaimObject[];
  pods: readonly PodObject[];
}

/** Every record of a cluster, described from scratch (the reference the incremental bindings must equal). */
export function describeCluster(
  cluster: string,
  objects: ClusterObjects,
  servers: ServerLookup,
): BindingChanges {
  const out: BindingChanges = { nodes: new Map(), claims: new Map(), pods: new Map() };
  const nodes = new Map<string, KubeNode>();
  for (const object of objects.nodes) {
    const node = describeNode(cluster, object, servers);
    nodes.set(node.name, node);
    out.nodes.set(nodeId(node), node);
  }
  const pvs = new Map(objects.pvs.map((pv) => [pv.name, pv]));
  for (const object of objects.claims) {
    const claim = describeClaim(cluster, object, pvs);
    out.claims.set(claimId(claim), claim);
  }
  const claimOf = (namespace: string, name: string) => out.claims.get(claimId({ cluster, namespace, name }));
  for (const object of objects.pods) {
    const pod = describePod(cluster, object, nodes, claimOf);
    out.pods.set(podId(pod), pod);
  }
  return out;
}

/** Adds `key` to the set `index` keeps under `id`. */
export function indexUnder(index: Map<string, Set<string>>, id: string, key: string): void {
  const keys = index.get(id) ?? new Set<string>();
  index.set(id, keys);
  keys.add(key);
}
