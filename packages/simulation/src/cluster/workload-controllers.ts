import type { KubeObjectInput } from '../kube-api/index.js';
import type { SimContext } from './sim-context.js';
import { randomSuffix, replicaSetOf, templateHash, uidFor } from './sim-objects.js';
import { claimNameOf, type SimulatedWorkload } from './workloads.js';

// The StatefulSet and Deployment controllers of the simulated cluster: each workload gets its
// namespace, its PVCs and as many pods as it has replicas.

/** Creates what is missing: namespaces, claims, pods (a StatefulSet's by ordinal name). */
export function ensureWorkloads(ctx: SimContext): void {
  for (const workload of ctx.options.workloads) {
    if (!ctx.store.get('namespaces', { name: workload.namespace })) {
      ctx.store.create('namespaces', { metadata: { name: workload.namespace } });
    }
    const shared = workload.kind === 'Deployment' ? claimNameOf(workload, 0) : undefined;
    if (shared) ensureClaim(ctx, workload, shared);
    const existing = ctx.store
      .list('pods', workload.namespace)
      .filter((pod) => pod.metadata.labels?.app === workload.name);
    if (workload.kind === 'StatefulSet') {
      for (let i = 0; i < workload.replicas; i++) {
        const claim = claimNameOf(workload, i);
        if (claim) ensureClaim(ctx, workload, claim);
        const name = `${workload.name}-${i}`;
        if (!existing.some((pod) => pod.metadata.name === name)) createPod(ctx, workload, name, claim);
      }
    } else {
      for (let i = existing.length; i < workload.replicas; i++) {
        const name = `${replicaSetOf(workload)}-${randomSuffix()}`;
        createPod(ctx, workload, name, shared);
      }
    }
  }
}

function ensureClaim(ctx: SimContext, workload: SimulatedWorkload, name: string): void {
  if (!workload.claim || ctx.store.get('persistentvolumeclaims', { name, namespace: workload.namespace }))
    return;
  ctx.store.create('persistentvolumeclaims', {
    metadata: { name, namespace: workload.namespace, labels: { app: workload.name } },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: workload.claim.storageClass,
      resources: { requests: { storage: workload.claim.size } },
      volumeMode: 'Filesystem',
    },
    status: { phase: 'Pending' },
  });
}

function createPod(
  ctx: SimContext,
  workload: SimulatedWorkload,
  name: string,
  claim: string | undefined,
): void {
  const stateful = workload.kind === 'StatefulSet';
  const owner = stateful ? workload.name : replicaSetOf(workload);
  const input: KubeObjectInput = {
    metadata: {
      name,
      namespace: workload.namespace,
      labels: {
        app: workload.name,
        ...(stateful
          ? { 'statefulset.kubernetes.io/pod-name': name }
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
      containers: [{ name: workload.name, image: workload.image }],
      volumes: claim ? [{ name: 'data', persistentVolumeClaim: { claimName: claim } }] : [],
      ...(stateful ? { hostname: name, subdomain: workload.name } : {}),
    },
    status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False' }] },
  };
  ctx.store.create('pods', input);
}
