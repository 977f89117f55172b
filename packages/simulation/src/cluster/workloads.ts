/** A stateful or stateless workload of the simulated cluster. */
export interface SimulatedWorkload {
  namespace: string;
  kind: 'StatefulSet' | 'Deployment';
  name: string;
  replicas: number;
  image: string;
  /** Per replica for a StatefulSet (claim "<template>-<name>-<i>"); one shared claim for a Deployment. */
  claim?: { template: string; storageClass: string; size: string };
}

/**
 * A plausible cluster on composable storage (seed 002): databases and queues in StatefulSets on
 * mirrored HDDs, SSDs and slices, and some Deployments, stateless or with one claim.
 */
export const SIMULATED_WORKLOADS: readonly SimulatedWorkload[] = [
  {
    namespace: 'cassandra',
    kind: 'StatefulSet',
    name: 'cassandra',
    replicas: 3,
    image: 'cassandra:4.1',
    claim: { template: 'data', storageClass: 'drivebay-hdd-mirrored', size: '500Gi' },
  },
  {
    namespace: 'kafka',
    kind: 'StatefulSet',
    name: 'kafka',
    replicas: 3,
    image: 'apache/kafka:3.7.0',
    claim: { template: 'logs', storageClass: 'drivebay-slice', size: '200Gi' },
  },
  {
    namespace: 'search',
    kind: 'StatefulSet',
    name: 'elasticsearch',
    replicas: 3,
    image: 'elasticsearch:8.13.0',
    claim: { template: 'data', storageClass: 'drivebay-ssd', size: '400Gi' },
  },
  {
    namespace: 'monitoring',
    kind: 'Deployment',
    name: 'prometheus',
    replicas: 1,
    image: 'prom/prometheus:v2.51.0',
    claim: { template: 'prometheus-data', storageClass: 'drivebay-slice', size: '100Gi' },
  },
  { namespace: 'web', kind: 'Deployment', name: 'frontend', replicas: 3, image: 'nginx:1.25' },
  { namespace: 'web', kind: 'Deployment', name: 'api', replicas: 2, image: 'registry.local/api:2.4' },
];

/** Claim names of a workload's replicas (index -1: the shared claim of a Deployment). */
export function claimNameOf(workload: SimulatedWorkload, replica: number): string | undefined {
  if (!workload.claim) return undefined;
  return workload.kind === 'StatefulSet'
    ? `${workload.claim.template}-${workload.name}-${replica}`
    : workload.claim.template;
}
