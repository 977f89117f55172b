import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageHeader } from '../../shared/components/PageHeader';
import { useLiveRoom } from '../../shared/live/LiveTransportContext';
import { eventTimelineQuery } from './api/eventQueries';
import { EventFilterBar } from './components/EventFilterBar';
import { EventList } from './components/EventList';
import { PausedNotice } from './components/PausedNotice';
import { useEventFilters } from './hooks/useEventFilters';
import { usePausableTimeline } from './hooks/usePausableTimeline';
import { eventsRoom } from './live/eventsRoom';
import { hasEventFilters } from './model/eventFilters';
import { timelineEvents } from './model/timeline';
import './events.css';

/** /events: the live timeline of composer events, filtered, pausable, each linked to its object. */
export function EventsPage() {
  const [filters, setFilters] = useEventFilters();
  useLiveRoom(eventsRoom);
  const query = useInfiniteQuery(eventTimelineQuery(filters));
  const live = useMemo(() => timelineEvents(query.data), [query.data]);
  const timeline = usePausableTimeline(live, filters);
  const { shown, paused } = timeline;
  const filtered = hasEventFilters(filters);

  return (
    <section className="page events-page">
      <PageHeader
        title="Events"
        actions={
          paused ? (
            <button type="button" className="button-primary" onClick={timeline.resume}>
              Resume
            </button>
          ) : (
            <button
              type="button"
              onClick={timeline.pause}
              disabled={!query.data}
              title="Freeze the list to read it; new events are counted meanwhile"
            >
              Pause
            </button>
          )
        }
      >
        <p className="page-subtitle">Everything the composer recorded, newest first, live. Times are UTC.</p>
      </PageHeader>
      <EventFilterBar filters={filters} onChange={setFilters} />
      {paused && <PausedNotice at={paused.at} newer={timeline.newer} onResume={timeline.resume} />}
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
        <EmptyState title={filtered ? 'No events match these filters' : 'No events recorded yet'}>
          <p>
            {filtered
              ? 'Clear or widen the filters above. New matching events appear here as they happen.'
              : 'Drives failing or being replaced, enclosures going offline, volumes composed, published or rebuilt: each appears here the moment it is committed.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <EventList events={shown} />
          <p className="timeline-footer">
            {shown.length.toLocaleString('en')} events shown.{' '}
            {!query.hasNextPage ? (
              'That is the oldest recorded.'
            ) : paused ? (
              'Resume to load older events.'
            ) : (
              <button
                type="button"
                onClick={() => void query.fetchNextPage()}
                disabled={query.isFetchingNextPage}
              >
                {query.isFetchingNextPage ? 'Loading…' : 'Load older'}
              </button>
            )}
          </p>
        </>
      )}
    </section>
  );
}
