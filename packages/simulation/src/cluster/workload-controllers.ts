import { SOURCES } from './events.js';
import { podFor } from './pod-template.js';
import type { SimContext } from './sim-context.js';
import { randomSuffix, replicaSetOf, workloadRef } from './sim-objects.js';
import { claimNameOf, type SimulatedWorkload } from './workloads.js';

// The StatefulSet, Deployment and ReplicaSet controllers of the simulated cluster: each workload
// gets its namespace, its PVCs and as many pods as it has replicas.

/**
 * Creates what is missing: namespaces, claims, pods. A StatefulSet's pod is recreated by its
 * ordinal name only once the old one is gone (at most one of each); a ReplicaSet replaces a
 * Terminating pod at once, since it only counts active pods.
 */
export function ensureWorkloads(ctx: SimContext, scaled: Set<string>): void {
  for (const workload of ctx.options.workloads) {
    if (!ctx.store.get('namespaces', { name: workload.namespace })) {
      ctx.store.create('namespaces', { metadata: { name: workload.namespace } });
    }
    const existing = ctx.store
      .list('pods', workload.namespace)
      .filter((pod) => pod.metadata.labels?.app === workload.name);
    if (workload.kind === 'StatefulSet') {
      for (let i = 0; i < workload.replicas; i++) {
        const name = `${workload.name}-${i}`;
        if (existing.some((pod) => pod.metadata.name === name)) continue;
        const claim = claimNameOf(workload, i);
        if (claim) ensureClaim(ctx, workload, claim, name);
        createPod(ctx, workload, name, claim, i);
      }
      continue;
    }
    const shared = claimNameOf(workload, 0);
    if (shared) ensureClaim(ctx, workload, shared, undefined);
    const active = existing.filter((pod) => !pod.metadata.deletionTimestamp).length;
    if (active < workload.replicas && !scaled.has(`${workload.namespace}/${workload.name}`)) {
      scaled.add(`${workload.namespace}/${workload.name}`);
      ctx.events.record(
        SOURCES.deployment,
        workloadRef('Deployment', workload.namespace, workload.name),
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${replicaSetOf(workload)} from ${active} to ${workload.replicas}`,
      );
    }
    for (let i = active; i < workload.replicas; i++) {
      createPod(ctx, workload, `${replicaSetOf(workload)}-${randomSuffix()}`, shared, undefined);
    }
  }
}

function ensureClaim(
  ctx: SimContext,
  workload: SimulatedWorkload,
  name: string,
  pod: string | undefined,
): void {
  if (!workload.claim || ctx.store.get('persistentvolumeclaims', { name, namespace: workload.namespace }))
    return;
  ctx.store.create('persistentvolumeclaims', {
    metadata: {
      name,
      namespace: workload.namespace,
      labels: { app: workload.name },
      // The PVC protection admission plugin's finalizer: a claim in use is not removed.
      finalizers: ['kubernetes.io/pvc-protection'],
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: workload.claim.storageClass,
      resources: { requests: { storage: workload.claim.size } },
      volumeMode: 'Filesystem',
    },
    status: { phase: 'Pending' },
  });
  if (pod)
    ctx.events.record(
      SOURCES.statefulSet,
      workloadRef('StatefulSet', workload.namespace, workload.name),
      'Normal',
      'SuccessfulCreate',
      `create Claim ${name} Pod ${pod} in StatefulSet ${workload.name} success`,
    );
}

function createPod(
  ctx: SimContext,
  workload: SimulatedWorkload,
  name: string,
  claim: string | undefined,
  ordinal: number | undefined,
): void {
  ctx.store.create('pods', podFor(workload, name, claim, ordinal));
  if (workload.kind === 'StatefulSet')
    ctx.events.record(
      SOURCES.statefulSet,
      workloadRef('StatefulSet', workload.namespace, workload.name),
      'Normal',
      'SuccessfulCreate',
      `create Pod ${name} in StatefulSet ${workload.name} successful`,
    );
  else
    ctx.events.record(
      SOURCES.replicaSet,
      workloadRef('ReplicaSet', workload.namespace, replicaSetOf(workload)),
      'Normal',
      'SuccessfulCreate',
      `Created pod: ${name}`,
    );
}
