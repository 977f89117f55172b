import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type AuditFilters, auditFiltersFromParams, withAuditFilters } from '../model/auditFilters';

/** The audit filters live in the URL (`/audit?actor=user:bob&result=denied`): links, back and forward work. */
export function useAuditFilters(): [AuditFilters, (filters: AuditFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => auditFiltersFromParams(params), [params]);
  const setFilters = useCallback(
    (next: AuditFilters) => setParams((previous) => withAuditFilters(previous, next)),
    [setParams],
  );
  return [filters, setFilters];
}
