import { type DomainEvent, EventsQuerySchema, eventSource, type Severity } from '@drivebay/api-types';

/** The timeline's filters, as the URL and the filter bar hold them (GET /api/v1/events without paging). */
export interface EventFilters {
  readonly severity?: readonly Severity[];
  /** Kinds of actor: hardware, user, token, system. */
  readonly source?: readonly string[];
  /** "drive:drv-1", "volume:pvc-1" or a bare id. */
  readonly object?: string;
  /** ISO datetimes in UTC. */
  readonly since?: string;
  readonly until?: string;
}

export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];
/** The sources the console offers; the API accepts any word. */
export const SOURCES = ['hardware', 'kubernetes', 'csi', 'user', 'token', 'system'] as const;
const SINGLE = ['object', 'since', 'until'] as const;

/** Filters from a URL; values the server would reject are left out, so a bad link still opens. */
export function eventFiltersFromParams(params: URLSearchParams): EventFilters {
  const out: { -readonly [K in keyof EventFilters]: EventFilters[K] } = {};
  for (const name of SINGLE) {
    const value = params.get(name)?.trim();
    if (!value) continue;
    const parsed = EventsQuerySchema.shape[name].safeParse(value);
    if (parsed.success && parsed.data) out[name] = parsed.data;
  }
  const severities = (params.get('severity') ?? '').split(',');
  const severity = SEVERITIES.filter((s) => severities.includes(s));
  if (severity.length > 0 && severity.length < SEVERITIES.length) out.severity = severity;
  const sources = (params.get('source') ?? '').split(',');
  const source = SOURCES.filter((s) => sources.includes(s));
  if (source.length > 0 && source.length < SOURCES.length) out.source = source;
  return out;
}

/** `params` with the filters replaced, in a fixed order; other parameters are kept. */
export function withEventFilters(params: URLSearchParams, filters: EventFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of ['severity', 'source', ...SINGLE]) next.delete(name);
  const severity = SEVERITIES.filter((s) => filters.severity?.includes(s));
  if (severity.length > 0 && severity.length < SEVERITIES.length) next.set('severity', severity.join(','));
  const source = SOURCES.filter((s) => filters.source?.includes(s));
  if (source.length > 0 && source.length < SOURCES.length) next.set('source', source.join(','));
  for (const name of SINGLE) {
    const value = filters[name]?.trim();
    if (value) next.set(name, value);
  }
  return next;
}

/** Equal filters give equal objects, for query keys. */
export function normalizeEventFilters(filters: EventFilters): EventFilters {
  return eventFiltersFromParams(withEventFilters(new URLSearchParams(), filters));
}

/** The filters as one string ("severity=critical&source=hardware"), equal for equal filters. */
export function eventFiltersKey(filters: EventFilters): string {
  return withEventFilters(new URLSearchParams(), filters).toString();
}

export function hasEventFilters(filters: EventFilters): boolean {
  return eventFiltersKey(filters) !== '';
}

const KIND_AND_ID = /^(site|enclosure|drive|server|volume)[\s:]+(\S+)$/i;

/**
 * The object box's text as a filter. "drive drv-1", as the timeline shows objects, means
 * "drive:drv-1", so a copied object filters as expected; anything else is taken as typed.
 */
export function objectFilterFromInput(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = KIND_AND_ID.exec(trimmed);
  return match ? `${match[1]?.toLowerCase()}:${match[2]}` : trimmed;
}

/** Whether the server would list `event` under `filters`; mirrors GET /api/v1/events for live events. */
export function matchesEventFilters(event: DomainEvent, filters: EventFilters): boolean {
  if (filters.severity && !filters.severity.includes(event.severity)) return false;
  if (filters.source && !filters.source.includes(eventSource(event))) return false;
  if (filters.object) {
    const [kind, id] = filters.object.includes(':')
      ? filters.object.split(':', 2)
      : [undefined, filters.object];
    if (event.subject.id !== id || (kind && event.subject.kind !== kind)) return false;
  }
  // Instants, not text: "…:52.123Z" sorts before "…:52Z" as a string.
  const at = Date.parse(event.at);
  if (filters.since && at < Date.parse(filters.since)) return false;
  if (filters.until && at > Date.parse(filters.until)) return false;
  return true;
}
