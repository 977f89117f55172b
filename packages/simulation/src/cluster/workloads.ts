/** A stateful or stateless workload of the simulated cluster. */
export interface SimulatedWorkload {
  namespace: string;
  kind: 'StatefulSet' | 'Deployment';
  name: string;
  replicas: number;
  image: string;
  /** The port the container listens on. */
  port?: number;
  /** The container's requests and limits (none: a BestEffort pod). */
  resources?: ContainerResources;
  /**
   * Per replica for a StatefulSet (claim "<template>-<name>-<i>"); one shared claim for a
   * Deployment; mounted at `mountPath` (default /data).
   */
  claim?: { template: string; storageClass: string; size: string; mountPath?: string };
}

/** A container's resources as a pod spec writes them. */
export interface ContainerResources {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
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
    port: 9042,
    resources: { requests: { cpu: '2', memory: '8Gi' }, limits: { memory: '8Gi' } },
    claim: {
      template: 'data',
      storageClass: 'drivebay-hdd-mirrored',
      size: '500Gi',
      mountPath: '/var/lib/cassandra',
    },
  },
  {
    namespace: 'kafka',
    kind: 'StatefulSet',
    name: 'kafka',
    replicas: 3,
    image: 'apache/kafka:3.7.0',
    port: 9092,
    resources: { requests: { cpu: '1', memory: '4Gi' }, limits: { memory: '4Gi' } },
    claim: {
      template: 'logs',
      storageClass: 'drivebay-slice',
      size: '200Gi',
      mountPath: '/var/lib/kafka/data',
    },
  },
  {
    namespace: 'search',
    kind: 'StatefulSet',
    name: 'elasticsearch',
    replicas: 3,
    image: 'elasticsearch:8.13.0',
    port: 9200,
    resources: { requests: { cpu: '2', memory: '16Gi' }, limits: { cpu: '2', memory: '16Gi' } },
    claim: {
      template: 'data',
      storageClass: 'drivebay-ssd',
      size: '400Gi',
      mountPath: '/usr/share/elasticsearch/data',
    },
  },
  {
    namespace: 'monitoring',
    kind: 'Deployment',
    name: 'prometheus',
    replicas: 1,
    image: 'prom/prometheus:v2.51.0',
    port: 9090,
    resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { memory: '4Gi' } },
    claim: {
      template: 'prometheus-data',
      storageClass: 'drivebay-slice',
      size: '100Gi',
      mountPath: '/prometheus',
    },
  },
  { namespace: 'web', kind: 'Deployment', name: 'frontend', replicas: 3, image: 'nginx:1.25', port: 80 },
  {
    namespace: 'web',
    kind: 'Deployment',
    name: 'api',
    replicas: 2,
    image: 'registry.local/api:2.4',
    port: 8080,
    resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
  },
];

/** Claim names of a workload's replicas (index -1: the shared claim of a Deployment). */
export function claimNameOf(workload: SimulatedWorkload, replica: number): string | undefined {
  if (!workload.claim) return undefined;
  return workload.kind === 'StatefulSet'
    ? `${workload.claim.template}-${workload.name}-${replica}`
    : workload.claim.template;
}
