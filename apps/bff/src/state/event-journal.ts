import { type DomainEvent, DomainEventSchema } from '@drivebay/api-types';
import type { Change } from '../store/types.js';

const PREFIX = 'events/';

/**
 * The event timeline in memory, oldest first, kept current by the change feed like the rest of
 * the mirror. Reading it costs no store round trip and no JSON parsing, so the events page and
 * every volume page stay cheap however long the history is; an index by subject answers "events
 * of this drive / volume" without walking the whole timeline. Retention (see EventRetention)
 * deletes the oldest events from the store, and those deletes reach the journal through the feed.
 */
export class EventJournal {
  private readonly events: DomainEvent[] = [];
  private readonly bySubject = new Map<string, DomainEvent[]>();

  get size(): number {
    return this.events.length;
  }

  /** Applies a store change; ignores keys outside events/. */
  apply(change: Change): void {
    if (!change.key.startsWith(PREFIX)) return;
    if (change.type === 'delete') {
      this.remove(change.key.slice(PREFIX.length));
      return;
    }
    const event = { ...DomainEventSchema.parse(change.value), revision: change.revision };
    this.remove(event.id);
    insertSorted(this.events, event);
    const list = this.bySubject.get(event.subject.id) ?? [];
    insertSorted(list, event);
    this.bySubject.set(event.subject.id, list);
  }

  /** Newest first, older than `before` when given: the events of one subject when given, else all. */
  *newestFirst(subjectId?: string, before?: string): Generator<DomainEvent> {
    const list = subjectId === undefined ? this.events : (this.bySubject.get(subjectId) ?? []);
    const end = before === undefined ? list.length : lowerBound(list, before);
    for (let i = end - 1; i >= 0; i--) yield list[i]!;
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
    const list = event ? this.bySubject.get(event.subject.id) : undefined;
    if (!event || !list) return;
    const inList = indexOf(list, id);
    if (inList >= 0) list.splice(inList, 1);
    if (list.length === 0) this.bySubject.delete(event.subject.id);
  }
}

/** First index whose id is ≥ `id` (ids sort by time). */
function lowerBound(list: readonly DomainEvent[], id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function indexOf(list: readonly DomainEvent[], id: string): number {
  const at = lowerBound(list, id);
  return list[at]?.id === id ? at : -1;
}

/** Appends in the common case (events arrive in time order); inserts in place otherwise. */
function insertSorted(list: DomainEvent[], event: DomainEvent): void {
  const last = list.at(-1);
  if (!last || last.id < event.id) list.push(event);
  else list.splice(lowerBound(list, event.id), 0, event);
}
