import { type AuditQuery, AuditQuerySchema, type AuditResult, AuditResultSchema } from '@drivebay/api-types';

/** The audit filters a URL or the filter bar holds (GET /api/v1/audit without paging). */
export interface AuditFilters {
  readonly actor?: string;
  /** Substring of the action, e.g. "volumes" or "DELETE". */
  readonly action?: string;
  readonly target?: string;
  /** Any of these results; absent means all. */
  readonly result?: readonly AuditResult[];
  /** ISO datetimes in UTC ("2030-01-01T10:00:00Z"). */
  readonly since?: string;
  readonly until?: string;
}

export const TEXT_FILTERS = ['actor', 'action', 'target'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];
const TIME_FILTERS = ['since', 'until'] as const;
/** Results in the order the filter bar and URLs list them. */
export const AUDIT_RESULTS: readonly AuditResult[] = AuditResultSchema.options;

/** Filters from a URL; values the server would reject are left out, so a bad link still opens. */
export function auditFiltersFromParams(params: URLSearchParams): AuditFilters {
  const out: { -readonly [K in keyof AuditFilters]: AuditFilters[K] } = {};
  for (const name of [...TEXT_FILTERS, ...TIME_FILTERS]) {
    const value = params.get(name)?.trim();
    if (!value) continue;
    const parsed = AuditQuerySchema.shape[name].safeParse(value);
    if (parsed.success && parsed.data) out[name] = parsed.data;
  }
  const results = (params.get('result') ?? '').split(',');
  const result = AUDIT_RESULTS.filter((r) => results.includes(r));
  if (result.length > 0 && result.length < AUDIT_RESULTS.length) out.result = result;
  return out;
}

/** `params` with the filters replaced by `filters`, in a fixed order; other parameters are kept. */
export function withAuditFilters(params: URLSearchParams, filters: AuditFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of [...TEXT_FILTERS, ...TIME_FILTERS]) next.delete(name);
  next.delete('result');
  for (const name of TEXT_FILTERS) {
    const value = filters[name]?.trim();
    if (value) next.set(name, value);
  }
  const result = AUDIT_RESULTS.filter((r) => filters.result?.includes(r));
  if (result.length > 0 && result.length < AUDIT_RESULTS.length) next.set('result', result.join(','));
  for (const name of TIME_FILTERS) {
    const value = filters[name];
    if (value) next.set(name, value);
  }
  return next;
}

/** Equal filters give equal objects, for query keys. */
export function normalizeAuditFilters(filters: AuditFilters): AuditFilters {
  return auditFiltersFromParams(withAuditFilters(new URLSearchParams(), filters));
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return withAuditFilters(new URLSearchParams(), filters).size > 0;
}

/** The query string for GET /api/v1/audit: the filters, then paging and format. */
export function auditQueryString(
  filters: AuditFilters,
  page: Partial<Pick<AuditQuery, 'before' | 'limit' | 'format'>> = {},
): string {
  const params = withAuditFilters(new URLSearchParams(), filters);
  if (page.before) params.set('before', page.before);
  if (page.limit !== undefined) params.set('limit', String(page.limit));
  if (page.format && page.format !== 'json') params.set('format', page.format);
  return params.toString();
}
