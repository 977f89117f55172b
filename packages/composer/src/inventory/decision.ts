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

/**
 * Structural equality for inventory records (plain JSON data), whatever their key order.
 * It allocates nothing: a rescan of 100,000 drives compares every one of them.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameRecord(v, b[i]));
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (!Object.hasOwn(right, key) || !sameRecord(left[key], right[key])) return false;
    count++;
  }
  for (const _ in right) count--;
  return count === 0;
}
