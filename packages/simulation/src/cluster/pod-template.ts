import type { KubeObjectInput } from '../kube-api/index.js';
import { randomSuffix, replicaSetOf, templateHash, uidFor } from './sim-objects.js';
import type { ContainerResources, SimulatedWorkload } from './workloads.js';

/** The tolerations the DefaultTolerationSeconds admission plugin gives every pod. */
export const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

const SERVICE_ACCOUNT_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * A workload's pod as its controller creates it and the apiserver stores it: the template's
 * container with its ports, resources and mounts, plus everything admission and defaulting add
 * (the service account token volume, the default tolerations, restart and DNS policy, the
 * scheduler, the grace period) and the status a new pod starts with.
 */
export function podFor(
  workload: SimulatedWorkload,
  name: string,
  claim: string | undefined,
  ordinal: number | undefined,
): KubeObjectInput {
  const stateful = workload.kind === 'StatefulSet';
  const owner = stateful ? workload.name : replicaSetOf(workload);
  const token = `kube-api-access-${randomSuffix()}`;
  const resources = defaulted(workload.resources);
  return {
    metadata: {
      name,
      namespace: workload.namespace,
      ...(!stateful && { generateName: `${owner}-` }),
      labels: {
        app: workload.name,
        ...(stateful
          ? {
              'apps.kubernetes.io/pod-index': String(ordinal ?? 0),
              'controller-revision-hash': `${workload.name}-${templateHash(workload)}`,
              'statefulset.kubernetes.io/pod-name': name,
            }
          : { 'pod-template-hash': templateHash(workload) }),
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: stateful ? 'StatefulSet' : 'ReplicaSet',
          name: owner,
          uid: uidFor(`${workload.namespace}/${owner}`),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      containers: [
        {
          name: workload.name,
          image: workload.image,
          imagePullPolicy: workload.image.endsWith(':latest') ? 'Always' : 'IfNotPresent',
          ...(workload.port && { ports: [{ containerPort: workload.port, protocol: 'TCP' }] }),
          resources,
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [
            ...(claim ? [{ name: 'data', mountPath: workload.claim?.mountPath ?? '/data' }] : []),
            { name: token, mountPath: SERVICE_ACCOUNT_MOUNT, readOnly: true },
          ],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      ...(stateful ? { hostname: name, subdomain: workload.name } : {}),
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: DEFAULT_TOLERATIONS,
      volumes: [
        ...(claim ? [{ name: 'data', persistentVolumeClaim: { claimName: claim } }] : []),
        serviceAccountVolume(token),
      ],
    },
    status: { phase: 'Pending', qosClass: qosClass(resources) },
  };
}

/** The projected volume the ServiceAccount admission plugin mounts in every pod. */
function serviceAccountVolume(name: string) {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
          },
        },
      ],
    },
  };
}

// The apiserver defaults a request that is missing to its limit.
function defaulted(resources: ContainerResources | undefined): ContainerResources {
  if (!resources) return {};
  const requests = { ...(resources.limits ?? {}), ...(resources.requests ?? {}) };
  return {
    ...(resources.limits && { limits: resources.limits }),
    ...(Object.keys(requests).length > 0 && { requests }),
  };
}

/** The pod's QoS class, as the apiserver computes it for a single container. */
export function qosClass(resources: ContainerResources): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const { requests = {}, limits = {} } = resources;
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  const guaranteed = ['cpu', 'memory'].every((r) => limits[r] !== undefined && requests[r] === limits[r]);
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
