import { createHash } from 'node:crypto';
import type { KubeObject } from '../kube-api/index.js';
import type { SimulatedWorkload } from './workloads.js';

// Small readers and names of the simulated cluster's objects, shared by its controllers.

export const specOf = (o: KubeObject) => (o.spec ?? {}) as Record<string, unknown>;
export const statusOf = (o: KubeObject) => (o.status ?? {}) as Record<string, unknown>;
export const podRef = (pod: KubeObject) => ({
  name: pod.metadata.name,
  namespace: pod.metadata.namespace ?? 'default',
});
export const claimRef = (claim: KubeObject) => ({
  kind: 'PersistentVolumeClaim',
  name: claim.metadata.name,
  namespace: claim.metadata.namespace,
});

export function isReady(node: KubeObject): boolean {
  const conditions = (statusOf(node).conditions as { type: string; status: string }[] | undefined) ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function claimNamesOf(pod: KubeObject): string[] {
  const volumes =
    (specOf(pod).volumes as { persistentVolumeClaim?: { claimName: string } }[] | undefined) ?? [];
  return volumes.flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []));
}

/** A stable uid-shaped id from a name. */
export function uidFor(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function templateHash(workload: SimulatedWorkload): string {
  return createHash('sha256')
    .update(`${workload.namespace}/${workload.name}/${workload.image}`)
    .digest('hex')
    .slice(0, 10);
}

export const replicaSetOf = (workload: SimulatedWorkload) => `${workload.name}-${templateHash(workload)}`;

export function randomSuffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return Array.from({ length: 5 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

/** A deterministic tie-break, so replicas spread over nodes instead of piling on the first. */
export function spread(pod: string, node: string): number {
  return createHash('sha1').update(`${pod}@${node}`).digest().readUInt32BE(0);
}

export function podIp(name: string): string {
  const n = createHash('sha1').update(name).digest();
  return `10.244.${n[0]}.${((n[1] ?? 0) % 254) + 1}`;
}
