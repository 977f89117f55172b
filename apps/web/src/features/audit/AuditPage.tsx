import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ErrorState } from '../../shared/components/ErrorState';
import { FormError } from '../../shared/components/FormError';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageHeader } from '../../shared/components/PageHeader';
import { auditCsvHref, auditQuery } from './api/auditQueries';
import { AuditFilterBar } from './components/AuditFilterBar';
import { AuditTable } from './components/AuditTable';
import { NoAuditRecords } from './components/NoAuditRecords';
import { useAuditFilters } from './hooks/useAuditFilters';
import { hasAuditFilters } from './model/auditFilters';
import './audit.css';

/** /audit: every change attempted through the API, who tried it and how it ended; filters in the URL. */
export function AuditPage() {
  const [filters, setFilters] = useAuditFilters();
  const query = useInfiniteQuery(auditQuery(filters));
  const records = useMemo(() => query.data?.pages.flatMap((page) => page.records), [query.data]);
  const filtered = hasAuditFilters(filters);

  return (
    <section className="page audit-page">
      <PageHeader title="Audit">
        <p className="page-subtitle">
          Every change attempted through the API or the console, newest first. Times are UTC.
        </p>
      </PageHeader>
      <AuditFilterBar filters={filters} onChange={setFilters} />
      <p className="audit-tools">
        <a className="button-link" href={auditCsvHref(filters)} download="drivebay-audit.csv">
          Export CSV
        </a>
        <span className="muted">
          {filtered ? 'The matching records' : 'All records'}, up to 10,000 of the newest.
        </span>
        <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching && !query.isFetchingNextPage ? 'Refreshing…' : 'Refresh'}
        </button>
      </p>
      {records ? (
        records.length === 0 ? (
          <NoAuditRecords filtered={filtered} onClear={() => setFilters({})} />
        ) : (
          <>
            <AuditTable records={records} />
            <FormError
              error={query.isFetchNextPageError ? query.error : undefined}
              prefix="Could not load older records: "
            />
            {query.hasNextPage ? (
              <button
                type="button"
                onClick={() => void query.fetchNextPage()}
                disabled={query.isFetchingNextPage}
              >
                {query.isFetchingNextPage ? 'Loading older…' : 'Load older'}
              </button>
            ) : (
              <p className="muted">That is the oldest record{filtered ? ' matching these filters' : ''}.</p>
            )}
          </>
        )
      ) : query.isError ? (
        <ErrorState
          title="Could not load the audit trail"
          error={query.error}
          hint="Check that the Drivebay server is running and that the filters make sense, then retry."
          onRetry={() => void query.refetch()}
        />
      ) : (
        <LoadingState what="the audit trail" />
      )}
    </section>
  );
}
