import type { EventJournal } from '../state/event-journal.js';
import type { StateStore } from '../store/types.js';

/** Deletes per transaction, and per pass: each pass is a few short writes. */
const BATCH = 5_000;
const PER_PASS = 50_000;

/**
 * Keeps the event timeline bounded: deletes the oldest events beyond the newest `retain`. Events
 * are history, not state, so no compare is needed; the deletes reach every replica's journal
 * through the change feed. Returns how many were deleted.
 */
export async function pruneEvents(store: StateStore, journal: EventJournal, retain: number): Promise<number> {
  const ids = journal.idsBeyond(retain, PER_PASS);
  for (let at = 0; at < ids.length; at += BATCH) {
    const operations = ids
      .slice(at, at + BATCH)
      .map((id) => ({ type: 'delete' as const, key: `events/${id}` }));
    await store.txn({ operations });
  }
  return ids.length;
}
