import { type DomainEvent, DomainEventSchema, type EventsPage, EventsQuerySchema } from '@drivebay/api-types';
import { Router } from 'express';
import type { StateStore } from '../../store/types.js';
import { parseInput } from '../parse.js';

/** The event timeline: newest first, filtered by object, type, severity and time. */
export function eventRoutes(store: StateStore): Router {
  const router = Router();
  router.get('/events', async (req, res) => {
    const query = parseInput(EventsQuerySchema, req.query, 'query');
    const { entries } = await store.range('events/');
    const matches: DomainEvent[] = [];
    // Keys sort by time, so walking backwards yields newest first and stops at the page size.
    for (let i = entries.length - 1; i >= 0 && matches.length <= query.limit; i--) {
      const entry = entries[i];
      if (!entry) continue;
      const event = { ...DomainEventSchema.parse(entry.value), revision: entry.modRevision };
      if (query.before && event.id >= query.before) continue;
      if (matchesQuery(event, query)) matches.push(event);
    }
    const page = matches.slice(0, query.limit);
    const body: EventsPage = {
      events: page,
      nextBefore: matches.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
    res.json(body);
  });
  return router;
}

function matchesQuery(event: DomainEvent, query: ReturnType<typeof EventsQuerySchema.parse>): boolean {
  if (query.object) {
    const [kind, id] = query.object.includes(':') ? query.object.split(':', 2) : [undefined, query.object];
    if (event.subject.id !== id || (kind && event.subject.kind !== kind)) return false;
  }
  if (query.type && !query.type.includes(event.type)) return false;
  if (query.severity && !query.severity.includes(event.severity)) return false;
  if (query.since && event.at < query.since) return false;
  if (query.until && event.at > query.until) return false;
  return true;
}
