import type { Claim, DomainEvent, Pod } from '@drivebay/api-types';
import { type DecisionContext, stampEvent } from '../inventory/decision.js';
import { claimId, podId } from './ids.js';
import type { KubeEventObject } from './objects.js';

type Subject = DomainEvent['subject'];

function event(
  context: DecisionContext,
  type: DomainEvent['type'],
  severity: DomainEvent['severity'],
  subject: Subject,
  message: string,
): DomainEvent {
  return stampEvent(context, { type, severity, subject, message });
}

/** A pod is bound once it runs on a known server and mounts at least one Drivebay volume. */
export const isBound = (pod: Pod | undefined): pod is Pod =>
  pod !== undefined && pod.server !== null && pod.volumeIds.length > 0;

const podName = (pod: Pod) =>
  `pod ${pod.namespace}/${pod.name}${pod.workload ? ` (${pod.workload.kind} ${pod.workload.name})` : ''}`;
const podSubject = (pod: Pod): Subject => ({ kind: 'pod', id: podId(pod) });

/**
 * The timeline entries for a pod's binding changing: bound, moved to another server, using
 * other volumes, or unbound (deleted, or off its server). Pods without Drivebay volumes have no
 * binding and make no entries, so a cluster's churn of stateless pods does not flood the timeline.
 */
export function podBindingEvents(
  before: Pod | undefined,
  after: Pod | undefined,
  context: DecisionContext,
  /** Where a pod of this name was last bound, if it was unbound lately (a StatefulSet pod recreated elsewhere). */
  lastServer?: string,
): DomainEvent[] {
  const was = isBound(before) ? before : undefined;
  const now = isBound(after) ? after : undefined;
  if (!was && !now) return [];
  if (!was && now && lastServer && lastServer !== now.server) {
    return [
      event(
        context,
        'PodMoved',
        'warning',
        podSubject(now),
        `${podName(now)} moved from server ${lastServer} to ${now.server} (node ${now.node}) with volume ${now.volumeIds.join(', ')}`,
      ),
    ];
  }
  if (!was && now) {
    return [
      event(
        context,
        'PodBound',
        'info',
        podSubject(now),
        `${podName(now)} on server ${now.server} (node ${now.node}) uses volume ${now.volumeIds.join(', ')}`,
      ),
    ];
  }
  if (was && !now) {
    const why = after === undefined ? 'was deleted' : `left server ${was.server}`;
    return [
      event(
        context,
        'PodUnbound',
        'info',
        podSubject(was),
        `${podName(was)} ${why}; it no longer uses volume ${was.volumeIds.join(', ')} there`,
      ),
    ];
  }
  if (was && now && was.server !== now.server) {
    return [
      event(
        context,
        'PodMoved',
        'warning',
        podSubject(now),
        `${podName(now)} moved from server ${was.server} to ${now.server} (node ${now.node}) with volume ${now.volumeIds.join(', ')}`,
      ),
    ];
  }
  if (was && now && was.volumeIds.join() !== now.volumeIds.join()) {
    return [
      event(
        context,
        'PodBound',
        'info',
        podSubject(now),
        `${podName(now)} on server ${now.server} now uses volume ${now.volumeIds.join(', ')}`,
      ),
    ];
  }
  return [];
}

/** A PVC resolving to a composer volume, or no longer resolving (released or deleted). */
export function claimBindingEvents(
  before: Claim | undefined,
  after: Claim | undefined,
  context: DecisionContext,
): DomainEvent[] {
  const was = before?.volumeId ?? null;
  const now = after?.volumeId ?? null;
  if (was === now) return [];
  const claim = (after ?? before) as Claim;
  const subject: Subject = { kind: 'claim', id: claimId(claim) };
  const name = `PVC ${claim.namespace}/${claim.name}`;
  if (now) {
    return [
      event(
        context,
        'ClaimBound',
        'info',
        subject,
        `${name} is bound to volume ${now} (PV ${claim.pv}${claim.storageClass ? `, class ${claim.storageClass}` : ''})`,
      ),
    ];
  }
  const why = after === undefined ? 'was deleted' : `is no longer bound (${claim.phase})`;
  return [event(context, 'ClaimUnbound', 'info', subject, `${name} ${why}; it used volume ${was}`)];
}

/** A Kubernetes Event as a timeline entry, about the pod, claim or node it involves. */
export function mirroredKubeEvent(
  cluster: string,
  e: KubeEventObject,
  context: DecisionContext,
): DomainEvent {
  const { involved } = e;
  const ns = involved.namespace ?? '';
  const name = involved.name ?? '';
  const subject: Subject =
    involved.kind === 'Pod'
      ? { kind: 'pod', id: `${cluster}/${ns}/${name}` }
      : involved.kind === 'PersistentVolumeClaim'
        ? { kind: 'claim', id: `${cluster}/${ns}/${name}` }
        : involved.kind === 'Node'
          ? { kind: 'node', id: `${cluster}/${name}` }
          : { kind: 'cluster', id: cluster };
  const where = `${involved.kind ?? 'object'} ${ns ? `${ns}/` : ''}${name}`;
  const repeat = e.count > 1 ? ` (×${e.count})` : '';
  return event(
    context,
    'KubernetesEvent',
    e.type === 'Warning' ? 'warning' : 'info',
    subject,
    `${e.reason ?? 'Event'}: ${e.message ?? ''} — ${where}${repeat}`.trim(),
  );
}
