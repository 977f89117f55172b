import type { AuditRecord, DomainEvent } from '@drivebay/api-types';
import type { StoredChange, TypedChange } from './collections.js';
import type { MirroredView } from './mirror.js';

/** What a journal holds: records with time-sorted ids. */
interface Entry {
  id: string;
}

/**
 * A timeline in memory (domain events, audit records), oldest first, kept current by the change
 * feed like the rest of the mirror. Reading it costs no store round trip and no JSON parsing, so
 * the events page and every volume page stay cheap however long the history is; an index by
 * subject answers "events of this drive" or "what alice did" without walking the whole timeline.
 * Retention deletes the oldest entries from the store; the deletes reach the journal through the feed.
 */
export class Journal<T extends Entry> implements MirroredView {
  private readonly events: T[] = [];
  private readonly bySubject = new Map<string, T[]>();

  constructor(
    /** The journal's collection, and how an entry of it reads (with the revision it was written at). */
    private readonly read: (typed: TypedChange) => StoredChange<T> | undefined,
    private readonly subjectOf: (entry: T) => string,
  ) {}

  get size(): number {
    return this.events.length;
  }

  /** Applies a change of the journal's collection; ignores others. */
  mirror(typed: TypedChange): void {
    const change = this.read(typed);
    if (!change) return;
    if (change.type === 'delete') {
      this.remove(change.id);
      return;
    }
    const event = change.value;
    this.remove(event.id);
    insertSorted(this.events, event);
    const subject = this.subjectOf(event);
    const list = this.bySubject.get(subject) ?? [];
    insertSorted(list, event);
    this.bySubject.set(subject, list);
  }

  /** Newest first, older than `before` when given: the events of one subject when given, else all. */
  *newestFirst(subjectId?: string, before?: string): Generator<T> {
    const list = subjectId === undefined ? this.events : (this.bySubject.get(subjectId) ?? []);
    const end = before === undefined ? list.length : lowerBound(list, before);
    for (let i = end - 1; i >= 0; i--) yield list[i]!;
  }

  /** Every id held: a resync compares them with the store. */
  *heldIds(): Generator<string> {
    for (const event of this.events) yield event.id;
  }

  /** Ids of the oldest events beyond the newest `keep`, oldest first. */
  idsBeyond(keep: number, max: number): string[] {
    const excess = Math.min(this.events.length - keep, max);
    return excess > 0 ? this.events.slice(0, excess).map((e) => e.id) : [];
  }

  private remove(id: string): void {
    const at = indexOf(this.events, id);
    if (at < 0) return;
    const [event] = this.events.splice(at, 1);
    if (!event) return;
    const subject = this.subjectOf(event);
    const list = this.bySubject.get(subject);
    if (!list) return;
    const inList = indexOf(list, id);
    if (inList >= 0) list.splice(inList, 1);
    if (list.length === 0) this.bySubject.delete(subject);
  }
}

/** Domain events, by the id of their subject (drive, volume, enclosure …). */
export type EventJournal = Journal<DomainEvent>;
export const eventJournal = (): EventJournal =>
  new Journal<DomainEvent>(
    ({ name, change }) => {
      if (name !== 'events') return undefined;
      // Events carry the revision that committed them, so a browser can place them in the feed.
      return change.type === 'put'
        ? { ...change, value: { ...change.value, revision: change.revision } }
        : change;
    },
    (event) => event.subject.id,
  );

/** Audit records, by actor. */
export type AuditJournal = Journal<AuditRecord>;
export const auditJournal = (): AuditJournal =>
  new Journal<AuditRecord>(
    ({ name, change }) => (name === 'audit' ? change : undefined),
    (record) => record.actor,
  );

/** First index whose id is ≥ `id` (ids sort by time). */
function lowerBound(list: readonly Entry[], id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function indexOf(list: readonly Entry[], id: string): number {
  const at = lowerBound(list, id);
  return list[at]?.id === id ? at : -1;
}

/** Appends in the common case (events arrive in time order); inserts in place otherwise. */
function insertSorted<T extends Entry>(list: T[], event: T): void {
  const last = list.at(-1);
  if (!last || last.id < event.id) list.push(event);
  else list.splice(lowerBound(list, event.id), 0, event);
}
