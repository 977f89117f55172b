import type { DomainEvent } from '@drivebay/api-types';
import type { InventoryChange } from './inventory.js';

/** What the caller injects so that decisions stay pure: who acts, when, and event ids. */
export interface DecisionContext {
  actor: string;
  /** ISO-8601 time of the decision. */
  now: string;
  nextEventId(): string;
}

/** A decision: the changes to commit and the events describing them, in one transaction. */
export interface Decision {
  changes: InventoryChange[];
  events: DomainEvent[];
}

export type EventDraft = Pick<DomainEvent, 'type' | 'severity' | 'subject' | 'message'>;

/** Stamps a draft with the context's actor, time and a fresh id. */
export function stampEvent(context: DecisionContext, draft: EventDraft): DomainEvent {
  return { id: context.nextEventId(), at: context.now, actor: context.actor, ...draft };
}

/** Structural equality for inventory records (plain JSON data), whatever their key order. */
export function sameRecord(a: unknown, b: unknown): boolean {
  return JSON.stringify(a, sortedKeys) === JSON.stringify(b, sortedKeys);
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}
