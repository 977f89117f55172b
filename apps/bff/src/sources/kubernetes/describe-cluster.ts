import type { Claim, KubeNode, Pod } from '@drivebay/api-types';
import { sameRecord } from '@drivebay/composer';
import type { V1Node, V1PersistentVolume, V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';
import { indexUnder, kubeKeys } from '../../state/kube-view.js';
import { describeClaim, describeNode, describePod, type ServerLookup } from './describe.js';

export type KubeRecord = Pod | Claim | KubeNode;

/** The cached objects of one cluster that bindings are made from. */
export interface ClusterObjects {
  nodes: readonly V1Node[];
  pvs: readonly V1PersistentVolume[];
  claims: readonly V1PersistentVolumeClaim[];
  pods: readonly V1Pod[];
}

/** Every record the store should hold for a cluster, by store key: nodes, then claims, then pods. */
export function describeCluster(
  cluster: string,
  objects: ClusterObjects,
  servers: ServerLookup,
): Map<string, KubeRecord> {
  const records = new Map<string, KubeRecord>();
  const nodes = new Map<string, KubeNode>();
  for (const object of objects.nodes) {
    const node = describeNode(cluster, object, servers);
    nodes.set(node.name, node);
    records.set(kubeKeys.node(cluster, node.name), node);
  }
  const pvs = new Map(objects.pvs.map((pv) => [pv.metadata?.name ?? '', pv]));
  const claims = new Map<string, Claim>();
  for (const object of objects.claims) {
    const claim = describeClaim(cluster, object, pvs);
    const key = kubeKeys.claim(cluster, claim.namespace, claim.name);
    claims.set(key, claim);
    records.set(key, claim);
  }
  const claimOf = (namespace: string, name: string) => claims.get(kubeKeys.claim(cluster, namespace, name));
  for (const object of objects.pods) {
    const pod = describePod(cluster, object, nodes, claimOf);
    records.set(kubeKeys.pod(cluster, pod.namespace, pod.name), pod);
  }
  return records;
}

/** Keys whose record differs between what the cluster shows and what the store holds (either side may lack it). */
export function changedKeys(
  fresh: ReadonlyMap<string, KubeRecord>,
  stored: ReadonlyMap<string, KubeRecord>,
): string[] {
  const changed: string[] = [];
  for (const [key, record] of fresh) if (!sameRecord(record, stored.get(key))) changed.push(key);
  for (const key of stored.keys()) if (!fresh.has(key)) changed.push(key);
  return changed;
}

export type WatchedKind = 'nodes' | 'pvs' | 'claims' | 'pods';
type Watched = V1Node | V1PersistentVolume | V1PersistentVolumeClaim | V1Pod;

const nsName = (o: { metadata?: { namespace?: string; name?: string } }) =>
  `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/**
 * A cluster's records kept current change by change, so that a pod restarting in a cluster of
 * 150,000 pods re-describes one pod, not all of them (a whole round costs ~1.7 s there; see
 * bench/RESULTS.md). A node change re-describes its pods; a PV change its claim; a claim change
 * its pods. `takeChanges` hands out what changed since the last call.
 */
export class IncrementalCluster {
  private readonly nodes = new Map<string, V1Node>();
  private readonly pvs = new Map<string, V1PersistentVolume>();
  private readonly claims = new Map<string, V1PersistentVolumeClaim>();
  private readonly pods = new Map<string, V1Pod>();
  private readonly nodeRecords = new Map<string, KubeNode>();
  private readonly claimRecords = new Map<string, Claim>();
  private readonly podsByNode = new Map<string, Set<string>>();
  private readonly podsByClaim = new Map<string, Set<string>>();
  private readonly claimsByPv = new Map<string, Set<string>>();
  private readonly dirtyNodes = new Set<string>();
  private readonly dirtyClaims = new Set<string>();
  private readonly dirtyPods = new Set<string>();

  constructor(
    private readonly cluster: string,
    private servers: ServerLookup,
  ) {}

  /** The servers changed (rare): every node is matched again, and so every pod. */
  setServers(servers: ServerLookup): void {
    this.servers = servers;
    for (const name of this.nodes.keys()) this.dirtyNodes.add(name);
  }

  upsert(kind: WatchedKind, object: Watched): void {
    this.apply(kind, object, false);
  }

  remove(kind: WatchedKind, object: Watched): void {
    this.apply(kind, object, true);
  }

  private apply(kind: WatchedKind, object: Watched, removed: boolean): void {
    switch (kind) {
      case 'nodes': {
        const name = object.metadata?.name ?? '';
        if (removed) this.nodes.delete(name);
        else this.nodes.set(name, object as V1Node);
        this.dirtyNodes.add(name);
        return;
      }
      case 'pvs': {
        const name = object.metadata?.name ?? '';
        if (removed) this.pvs.delete(name);
        else this.pvs.set(name, object as V1PersistentVolume);
        for (const claim of this.claimsByPv.get(name) ?? []) this.dirtyClaims.add(claim);
        return;
      }
      case 'claims': {
        const key = nsName(object);
        const before = this.claims.get(key)?.spec?.volumeName;
        if (before) this.claimsByPv.get(before)?.delete(key);
        if (removed) this.claims.delete(key);
        else {
          const claim = object as V1PersistentVolumeClaim;
          this.claims.set(key, claim);
          if (claim.spec?.volumeName) indexUnder(this.claimsByPv, claim.spec.volumeName, key);
        }
        this.dirtyClaims.add(key);
        return;
      }
      case 'pods': {
        const key = nsName(object);
        this.unindexPod(key);
        if (removed) this.pods.delete(key);
        else {
          const pod = object as V1Pod;
          this.pods.set(key, pod);
          if (pod.spec?.nodeName) indexUnder(this.podsByNode, pod.spec.nodeName, key);
          for (const v of pod.spec?.volumes ?? []) {
            if (v.persistentVolumeClaim)
              indexUnder(
                this.podsByClaim,
                `${pod.metadata?.namespace ?? ''}/${v.persistentVolumeClaim.claimName}`,
                key,
              );
          }
        }
        this.dirtyPods.add(key);
        return;
      }
    }
  }

  private unindexPod(key: string): void {
    const pod = this.pods.get(key);
    if (!pod) return;
    if (pod.spec?.nodeName) this.podsByNode.get(pod.spec.nodeName)?.delete(key);
    for (const v of pod.spec?.volumes ?? []) {
      if (v.persistentVolumeClaim)
        this.podsByClaim
          .get(`${pod.metadata?.namespace ?? ''}/${v.persistentVolumeClaim.claimName}`)
          ?.delete(key);
    }
  }

  /** Records changed since the last call, by store key; undefined means the object is gone. */
  takeChanges(): Map<string, KubeRecord | undefined> {
    const out = new Map<string, KubeRecord | undefined>();
    const cluster = this.cluster;
    for (const name of this.dirtyNodes) {
      const object = this.nodes.get(name);
      const record = object ? describeNode(cluster, object, this.servers) : undefined;
      if (record) this.nodeRecords.set(name, record);
      else this.nodeRecords.delete(name);
      out.set(kubeKeys.node(cluster, name), record);
      for (const pod of this.podsByNode.get(name) ?? []) this.dirtyPods.add(pod);
    }
    for (const key of this.dirtyClaims) {
      const object = this.claims.get(key);
      const record = object ? describeClaim(cluster, object, this.pvs) : undefined;
      if (record) this.claimRecords.set(key, record);
      else this.claimRecords.delete(key);
      const [namespace = '', name = ''] = key.split('/');
      out.set(kubeKeys.claim(cluster, namespace, name), record);
      for (const pod of this.podsByClaim.get(key) ?? []) this.dirtyPods.add(pod);
    }
    const claimOf = (namespace: string, name: string) => this.claimRecords.get(`${namespace}/${name}`);
    for (const key of this.dirtyPods) {
      const object = this.pods.get(key);
      const [namespace = '', name = ''] = key.split('/');
      out.set(
        kubeKeys.pod(cluster, namespace, name),
        object ? describePod(cluster, object, this.nodeRecords, claimOf) : undefined,
      );
    }
    this.dirtyNodes.clear();
    this.dirtyClaims.clear();
    this.dirtyPods.clear();
    return out;
  }

  /** Every record, by store key (for the first round, which also removes records left from before). */
  all(): Map<string, KubeRecord> {
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
