import { type DomainEvent, type EventsPage, EventsQuerySchema, eventSource } from '@drivebay/api-types';
import type { Router } from 'express';
import type { AccessTable } from '../../auth/access.js';
import type { EventJournal } from '../../state/event-journal.js';
import { parseInput } from '../parse.js';
import { withinWindow } from '../time-window.js';

/** The event timeline: newest first, filtered by object, type, severity and time. */
export function eventRoutes(table: AccessTable, journal: EventJournal): Router {
  const routes = table.router();
  routes.get('/events', 'viewer', (req, res) => {
    const query = parseInput(EventsQuerySchema, req.query, 'query');
    const matches: DomainEvent[] = [];
    // One more than the page tells whether an older page exists.
    for (const event of journal.newestFirst(subjectIdOf(query.object), query.before)) {
      if (matches.length > query.limit) break;
      if (matchesQuery(event, query)) matches.push(event);
    }
    const page = matches.slice(0, query.limit);
    const body: EventsPage = {
      events: page,
      nextBefore: matches.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
    res.json(body);
  });
  return routes.router;
}

/** "drive:drv-1" or "drv-1" → "drv-1": the journal's subject index is by id. */
function subjectIdOf(object: string | undefined): string | undefined {
  if (object === undefined) return undefined;
  return object.includes(':') ? object.split(':', 2)[1] : object;
}

function matchesQuery(event: DomainEvent, query: ReturnType<typeof EventsQuerySchema.parse>): boolean {
  if (query.object) {
    const [kind, id] = query.object.includes(':') ? query.object.split(':', 2) : [undefined, query.object];
    if (event.subject.id !== id || (kind && event.subject.kind !== kind)) return false;
  }
  if (query.type && !query.type.includes(event.type)) return false;
  if (query.severity && !query.severity.includes(event.severity)) return false;
  if (query.source && !query.source.includes(eventSource(event))) return false;
  if (!withinWindow(event.at, query.since, query.until)) return false;
  return true;
}
