import { deleteRecord } from '../state/collections.js';
import type { Journal } from '../state/event-journal.js';
import type { StoreWriter } from '../state/store-writer.js';

/** Deletes per transaction, and per pass: each pass is a few short writes. */
const BATCH = 5_000;
const PER_PASS = 50_000;

/**
 * Keeps a timeline (events, audit) bounded: deletes the oldest entries beyond the newest
 * `retain`. They are history, not state, so no compare is needed; the deletes reach every
 * replica's journal through the change feed. Returns how many were deleted.
 */
export async function pruneJournal(
  writer: StoreWriter,
  journal: Pick<Journal<{ id: string }>, 'idsBeyond'>,
  collection: 'events' | 'audit',
  retain: number,
): Promise<number> {
  const ids = journal.idsBeyond(retain, PER_PASS);
  for (let at = 0; at < ids.length; at += BATCH) {
    await writer.commit({ operations: ids.slice(at, at + BATCH).map((id) => deleteRecord(collection, id)) });
  }
  return ids.length;
}
