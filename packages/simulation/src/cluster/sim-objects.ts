import { createHash } from 'node:crypto';
import { SERVER_LABEL } from '@drivebay/composer';
import type { KubeObject } from '../kube-api/index.js';
import type { InvolvedObject } from './events.js';
import type { SimulatedWorkload } from './workloads.js';

// Small readers and names of the simulated cluster's objects, shared by its controllers.

export const specOf = (o: KubeObject) => (o.spec ?? {}) as Record<string, unknown>;
export const statusOf = (o: KubeObject) => (o.status ?? {}) as Record<string, unknown>;
export const podRef = (pod: KubeObject) => ({
  name: pod.metadata.name,
  namespace: pod.metadata.namespace ?? 'default',
});
export const claimRef = (claim: KubeObject) => ({
  name: claim.metadata.name,
  namespace: claim.metadata.namespace ?? 'default',
});

/** The server a node runs on, by the label Drivebay's nodes carry. */
export const serverOf = (node: KubeObject) => node.metadata.labels?.[SERVER_LABEL];

export function isReady(node: KubeObject): boolean {
  const conditions = (statusOf(node).conditions as { type: string; status: string }[] | undefined) ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** A node taint, as spec.taints holds it. */
export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
}

/** A pod toleration, as spec.tolerations holds it. */
export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export const taintsOf = (node: KubeObject) => (specOf(node).taints as Taint[] | undefined) ?? [];
export const tolerationsOf = (pod: KubeObject) => (specOf(pod).tolerations as Toleration[] | undefined) ?? [];

/** True when the toleration matches the taint, by the rules of the scheduler and taint manager. */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.operator === 'Exists') return !toleration.key || toleration.key === taint.key;
  return toleration.key === taint.key && (toleration.value ?? '') === (taint.value ?? '');
}

/** A reference to a workload object the simulator does not store (StatefulSet, ReplicaSet, Deployment). */
export function workloadRef(kind: string, namespace: string, name: string): InvolvedObject {
  return { apiVersion: 'apps/v1', kind, name, namespace, uid: uidFor(`${namespace}/${name}`) };
}

/** A pod condition as the kubelet and controllers write them. */
export function condition(type: string, status: boolean, at: string, reason?: string, message?: string) {
  return {
    type,
    status: status ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: at,
    ...(reason && { reason }),
    ...(message && { message }),
  };
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

/** A pod or node condition. */
export interface Condition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  [field: string]: unknown;
}

/** `next`, keeping each condition's lastTransitionTime from `previous` where its status did not change. */
export function keepTransitions(previous: unknown, next: Condition[]): Condition[] {
  const before = Array.isArray(previous) ? (previous as Condition[]) : [];
  return next.map((c) => {
    const old = before.find((b) => b.type === c.type);
    return old && old.status === c.status && old.lastTransitionTime
      ? { ...c, lastTransitionTime: old.lastTransitionTime }
      : c;
  });
}
