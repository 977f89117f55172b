import type { Cluster, DomainEvent } from '@drivebay/api-types';
import type { DecisionContext } from '@drivebay/composer';
import type { CoreV1Event } from '@kubernetes/client-node';
import type { Decided } from '../../commands/committer.js';
import { kubeKeys } from '../../state/kube-view.js';
import { kubeEventTime } from './binding-events.js';

/**
 * The write of a cluster's record, when anything an operator reads in it changed (not only its
 * timestamp), with a timeline entry when it starts watching or starts retrying.
 */
export function decideClusterRecord(
  before: Cluster | undefined,
  after: Cluster,
  context: DecisionContext,
): Decided<void> {
  const unchanged =
    before &&
    before.state === after.state &&
    before.message === after.message &&
    before.writeBack === after.writeBack &&
    before.server === after.server;
  if (unchanged) return { puts: [], deletes: [], events: [], result: undefined };
  const events: DomainEvent[] = [];
  if (before?.state !== after.state && (after.state === 'watching' || after.state === 'retrying')) {
    const watching = after.state === 'watching';
    events.push({
      id: context.nextEventId(),
      type: watching ? 'ClusterWatching' : 'ClusterRetrying',
      severity: watching ? 'info' : 'warning',
      at: context.now,
      actor: context.actor,
      subject: { kind: 'cluster', id: after.id },
      message: watching
        ? `cluster ${after.id} (${after.server}) is watched`
        : `cluster ${after.id}: ${after.message}`,
    });
  }
  return {
    puts: [{ key: kubeKeys.cluster(after.id), value: after }],
    deletes: [],
    events,
    result: undefined,
  };
}

/**
 * The Kubernetes Events to put in the timeline: those newer than the cluster's watermark, oldest
 * first, at most `max` (the newest win), and the new watermark; null when there are none.
 */
export function eventsToMirror(
  pending: readonly CoreV1Event[],
  through: string,
  max: number,
): { events: CoreV1Event[]; newest: string } | null {
  const timed = pending
    .map((e) => ({ e, at: kubeEventTime(e) }))
    .filter((t): t is { e: CoreV1Event; at: string } => t.at !== null && t.at > through)
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(-max);
  const newest = timed.at(-1)?.at;
  return newest ? { events: timed.map((t) => t.e), newest } : null;
}
