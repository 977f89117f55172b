import { AuditPageSchema } from '@drivebay/api-types';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { getJson } from '../../../shared/api/getJson';
import { type AuditFilters, auditQueryString, normalizeAuditFilters } from '../model/auditFilters';

export const AUDIT_PATH = '/api/v1/audit';
/** Records per page on screen. */
export const AUDIT_PAGE_SIZE = 100;
/** The most the server sends in one answer, which caps a CSV export. */
export const AUDIT_EXPORT_LIMIT = 10_000;

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, 'list', normalizeAuditFilters(filters)] as const,
};

/** The audit trail matching `filters`, newest first, a page at a time ("Load older" follows `nextBefore`). */
export function auditQuery(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      getJson(
        `${AUDIT_PATH}?${auditQueryString(filters, { before: pageParam, limit: AUDIT_PAGE_SIZE })}`,
        AuditPageSchema,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: 10_000,
  });
}

/** The CSV download of the same filters, as a plain link (the browser sends the session cookie). */
export function auditCsvHref(filters: AuditFilters): string {
  return `${AUDIT_PATH}?${auditQueryString(filters, { limit: AUDIT_EXPORT_LIMIT, format: 'csv' })}`;
}
