import {
  type Claim,
  ClaimSchema,
  type Cluster,
  ClusterSchema,
  type KubeNode,
  KubeNodeSchema,
  type Pod,
  PodSchema,
} from '@drivebay/api-types';
import type { Change } from '../store/types.js';

/**
 * The store's layout for what the podwatcher records. Kubernetes names never contain "/", so
 * cluster, namespace and name separate cleanly.
 */
export const kubeKeys = {
  cluster: (id: string) => `clusters/${id}`,
  node: (cluster: string, name: string) => `kube/${cluster}/nodes/${name}`,
  claim: (cluster: string, namespace: string, name: string) => `kube/${cluster}/claims/${namespace}/${name}`,
  pod: (cluster: string, namespace: string, name: string) => `kube/${cluster}/pods/${namespace}/${name}`,
  /** Everything recorded about one cluster's objects. */
  ofCluster: (cluster: string) => `kube/${cluster}/`,
};

export const kubePrefixes = ['clusters/', 'kube/'] as const;

export type KubeRecordKind = 'cluster' | 'nodes' | 'claims' | 'pods';

/** Which record a key holds, and of which cluster. */
export function kubeKeyKind(key: string): { cluster: string; kind: KubeRecordKind } | undefined {
  if (key.startsWith('clusters/')) return { cluster: key.slice('clusters/'.length), kind: 'cluster' };
  if (!key.startsWith('kube/')) return undefined;
  const [, cluster = '', kind] = key.split('/', 3);
  return kind === 'nodes' || kind === 'claims' || kind === 'pods' ? { cluster, kind } : undefined;
}

/** Pods, claims and nodes are kept by their store key; the key is also their identity. */
export const podKey = (pod: Pick<Pod, 'cluster' | 'namespace' | 'name'>) =>
  kubeKeys.pod(pod.cluster, pod.namespace, pod.name);
export const claimKey = (claim: Pick<Claim, 'cluster' | 'namespace' | 'name'>) =>
  kubeKeys.claim(claim.cluster, claim.namespace, claim.name);
export const nodeKey = (node: Pick<KubeNode, 'cluster' | 'name'>) => kubeKeys.node(node.cluster, node.name);

/**
 * The mirrored podwatcher records, with the indexes the console asks by: pods and claims of a
 * composer volume. Kept current by the change feed like every other view, so each replica answers
 * the same, whichever replica's podwatcher wrote them.
 */
export class KubeView {
  readonly clusters = new Map<string, Cluster>();
  readonly nodes = new Map<string, KubeNode>();
  readonly claims = new Map<string, Claim>();
  readonly pods = new Map<string, Pod>();
  private readonly podsByVolume = new Map<string, Set<string>>();
  private readonly claimsByVolume = new Map<string, Set<string>>();

  apply(change: Change): void {
    const target = kubeKeyKind(change.key);
    if (!target) return;
    const put = change.type === 'put';
    switch (target.kind) {
      case 'cluster':
        if (put) this.clusters.set(target.cluster, ClusterSchema.parse(change.value));
        else this.clusters.delete(target.cluster);
        return;
      case 'nodes':
        if (put) this.nodes.set(change.key, KubeNodeSchema.parse(change.value));
        else this.nodes.delete(change.key);
        return;
      case 'claims': {
        const before = this.claims.get(change.key);
        if (before?.volumeId) this.claimsByVolume.get(before.volumeId)?.delete(change.key);
        if (!put) {
          this.claims.delete(change.key);
          return;
        }
        const claim = ClaimSchema.parse(change.value);
        this.claims.set(change.key, claim);
        if (claim.volumeId) indexUnder(this.claimsByVolume, claim.volumeId, change.key);
        return;
      }
      case 'pods': {
        for (const id of this.pods.get(change.key)?.volumeIds ?? [])
          this.podsByVolume.get(id)?.delete(change.key);
        if (!put) {
          this.pods.delete(change.key);
          return;
        }
        const pod = PodSchema.parse(change.value);
        this.pods.set(change.key, pod);
        for (const id of pod.volumeIds) indexUnder(this.podsByVolume, id, change.key);
        return;
      }
    }
  }

  podsOfVolume(volumeId: string): Pod[] {
    return [...(this.podsByVolume.get(volumeId) ?? [])].flatMap((key) => this.pods.get(key) ?? []);
  }

  claimsOfVolume(volumeId: string): Claim[] {
    return [...(this.claimsByVolume.get(volumeId) ?? [])].flatMap((key) => this.claims.get(key) ?? []);
  }

  /** Every record of one cluster, by key: what a podwatcher compares its fresh view against. */
  recordsOf(cluster: string): Map<string, Pod | Claim | KubeNode> {
    const prefix = kubeKeys.ofCluster(cluster);
    const records = new Map<string, Pod | Claim | KubeNode>();
    for (const map of [this.nodes, this.claims, this.pods] as Map<string, Pod | Claim | KubeNode>[]) {
      for (const [key, record] of map) if (key.startsWith(prefix)) records.set(key, record);
    }
    return records;
  }
}

/** Adds `key` to the set `index` keeps under `id`. */
export function indexUnder(index: Map<string, Set<string>>, id: string, key: string): void {
  const keys = index.get(id) ?? new Set<string>();
  index.set(id, keys);
  keys.add(key);
}
