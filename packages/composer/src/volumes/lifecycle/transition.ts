import type { DomainEvent, DomainEventType, Severity, Volume } from '@drivebay/api-types';
import { type DecisionContext, stampEvent } from '../../inventory/decision.js';

/** What a lifecycle call returns: the volume after it, the events it raised, and whether it changed anything. */
export interface Transition {
  volume: Volume;
  events: DomainEvent[];
  /** False for an idempotent repeat: the caller commits nothing and the events are empty. */
  changed: boolean;
}

/** An idempotent answer: the same volume, nothing to commit. */
export function unchanged(volume: Volume): Transition {
  return { volume, events: [], changed: false };
}

/** A stamped event about one volume. */
export function volumeEvent(
  context: DecisionContext,
  volume: Pick<Volume, 'id'>,
  type: DomainEventType,
  severity: Severity,
  message: string,
): DomainEvent {
  return stampEvent(context, { type, severity, subject: { kind: 'volume', id: volume.id }, message });
}

/** A volume changed by one call: its new fields, stamped with the decision's time, and one event. */
export function changedTo(
  volume: Volume,
  patch: Partial<Volume>,
  context: DecisionContext,
  type: DomainEventType,
  message: string,
): Transition {
  const next: Volume = { ...volume, ...patch, updatedAt: context.now };
  return { volume: next, events: [volumeEvent(context, next, type, 'info', message)], changed: true };
}

/** Human sizes for event messages: decimal TB/GB as drive vendors print them, GiB for slices. */
export function formatBytes(bytes: number): string {
  const GiB = 1024 ** 3;
  if (bytes % GiB === 0 && bytes < 1024 * GiB) return `${bytes / GiB} GiB`;
  if (bytes >= 1e12) return `${trim(bytes / 1e12)} TB`;
  return `${trim(bytes / 1e9)} GB`;
}

function trim(n: number): string {
  return n.toFixed(2).replace(/\.?0+$/, '');
}

/** The refusal for any attach or growth of a Released volume. */
export function released(volume: Pick<Volume, 'id'>, verb: string): string {
  return (
    `volume ${volume.id} is Released (kept by reclaim policy Retain after its delete), so it cannot be ${verb}; ` +
    'its data stays on its drives until an operator purges it'
  );
}
