import type { DomainEvent } from '@drivebay/api-types';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { eventTimelineQuery } from './api/eventQueries';
import { EventFilterBar } from './components/EventFilterBar';
import { EventList } from './components/EventList';
import { useEventFilters } from './hooks/useEventFilters';
import { hasEventFilters } from './model/eventFilters';
import { countNewer, timelineEvents } from './model/timeline';
import './events.css';

/** /events: the live timeline of composer events, filtered, pausable, each linked to its object. */
export function EventsPage() {
  const [filters, setFilters] = useEventFilters();
  const query = useInfiniteQuery(eventTimelineQuery(filters));
  const live = useMemo(() => timelineEvents(query.data), [query.data]);
  // Paused: the list on screen stays as it was; what arrives since is only counted.
  const [frozen, setFrozen] = useState<readonly DomainEvent[] | null>(null);
  const shown = frozen ?? live;
  const newer = frozen ? countNewer(live, frozen[0]?.id) : 0;
  const handlePause = () => setFrozen(live);
  const handleResume = () => setFrozen(null);
  const handleFilters = (next: typeof filters) => {
    setFrozen(null);
    setFilters(next);
  };

  return (
    <section className="page events-page">
      <PageHeader
        title="Events"
        actions={
          frozen ? (
            <button type="button" className="button-primary" onClick={handleResume}>
              Resume
            </button>
          ) : (
            <button type="button" onClick={handlePause}>
              Pause
            </button>
          )
        }
      >
        <p className="page-subtitle">Everything the composer recorded, newest first, live. Times are UTC.</p>
      </PageHeader>
      <EventFilterBar filters={filters} onChange={handleFilters} />
      {frozen && (
        <p className="timeline-paused" role="status" data-newer={newer}>
          Paused: {newer === 0 ? 'no new events yet' : `${newer} new event${newer === 1 ? '' : 's'}`}.{' '}
          <button type="button" className="link-button" onClick={handleResume}>
            Resume
          </button>{' '}
          to show {newer === 1 ? 'it' : 'them'}.
        </p>
      )}
      {!query.data ? (
        query.isError ? (
          <ErrorState
            title="Could not load the events"
            error={query.error}
            hint="Check that the Drivebay server is reachable, then retry."
            onRetry={() => void query.refetch()}
          />
        ) : (
          <LoadingState what="events" />
        )
      ) : shown.length === 0 ? (
        <EmptyState
          title={hasEventFilters(filters) ? 'No events match these filters' : 'No events recorded yet'}
        >
          <p>
            {hasEventFilters(filters)
              ? 'Clear or widen the filters above. New matching events appear here as they happen.'
              : 'Drives failing or being replaced, enclosures going offline, volumes composed, published or rebuilt: each appears here the moment it is committed.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <EventList events={shown} />
          <p className="timeline-footer">
            {shown.length.toLocaleString('en')} events shown.{' '}
            {query.hasNextPage && !frozen ? (
              <button
                type="button"
                onClick={() => void query.fetchNextPage()}
                disabled={query.isFetchingNextPage}
              >
                {query.isFetchingNextPage ? 'Loading…' : 'Load older'}
              </button>
            ) : (
              !query.hasNextPage && 'That is the oldest recorded.'
            )}
          </p>
        </>
      )}
    </section>
  );
}
