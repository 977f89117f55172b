import type { Claim, KubeNode, Pod } from '@drivebay/api-types';

/**
 * Ids of the podwatcher's records: the cluster, then the namespace and name (Kubernetes names
 * hold no "/"). The same ids name them as the subjects of timeline events.
 */
export const podId = (pod: Pick<Pod, 'cluster' | 'namespace' | 'name'>) =>
  `${pod.cluster}/${pod.namespace}/${pod.name}`;
export const claimId = (claim: Pick<Claim, 'cluster' | 'namespace' | 'name'>) =>
  `${claim.cluster}/${claim.namespace}/${claim.name}`;
export const nodeId = (node: Pick<KubeNode, 'cluster' | 'name'>) => `${node.cluster}/${node.name}`;
/** The cluster a record id belongs to. */
export const clusterOfId = (id: string) => id.slice(0, Math.max(0, id.indexOf('/')));
