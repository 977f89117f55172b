import type { Cluster, DomainEvent } from '@drivebay/api-types';
import { type DecisionContext, stampEvent } from '../inventory/decision.js';
import type { KubeEventObject } from './objects.js';

/**
 * Whether a cluster's record must be written: when anything an operator reads in it changed
 * (not only its timestamp); with a timeline entry when it starts watching or starts retrying.
 */
export function decideClusterRecord(
  before: Cluster | undefined,
  after: Cluster,
  context: DecisionContext,
): { write: boolean; events: DomainEvent[] } {
  const unchanged =
    before &&
    before.state === after.state &&
    before.message === after.message &&
    before.writeBack === after.writeBack &&
    before.server === after.server &&
    before.eventsThrough === after.eventsThrough;
  if (unchanged) return { write: false, events: [] };
  const events: DomainEvent[] = [];
  if (before?.state !== after.state && (after.state === 'watching' || after.state === 'retrying')) {
    const watching = after.state === 'watching';
    events.push(
      stampEvent(context, {
        type: watching ? 'ClusterWatching' : 'ClusterRetrying',
        severity: watching ? 'info' : 'warning',
        subject: { kind: 'cluster', id: after.id },
        message: watching
          ? `cluster ${after.id} (${after.server}) is watched`
          : `cluster ${after.id}: ${after.message}`,
      }),
    );
  }
  return { write: true, events };
}

/**
 * The Kubernetes Events to put in the timeline: those newer than the cluster's watermark, oldest
 * first, at most `max` (the newest win), and the new watermark; null when there are none.
 */
export function eventsToMirror(
  pending: readonly KubeEventObject[],
  through: string,
  max: number,
): { events: KubeEventObject[]; newest: string } | null {
  const timed = pending
    .filter((e): e is KubeEventObject & { at: string } => e.at !== null && e.at > through)
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(-max);
  const newest = timed.at(-1)?.at;
  return newest ? { events: timed, newest } : null;
}
