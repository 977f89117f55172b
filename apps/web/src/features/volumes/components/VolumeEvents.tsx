import { ErrorState } from '../../../shared/components/ErrorState';
import { EventMessage } from '../../../shared/components/EventMessage';
import { LoadingState } from '../../../shared/components/LoadingState';
import { SeverityIcon } from '../../../shared/components/SeverityIcon';
import { formatTimestamp } from '../../../shared/format/time';
import { EVENTS_LIMIT } from '../api/volumeQueries';
import { useVolumeEvents } from '../hooks/useVolume';

/** The volume's events, newest first; new ones appear at the top as they are committed. */
export function VolumeEvents({ id }: { id: string }) {
  const query = useVolumeEvents(id, true);
  const list = query.data;
  return (
    <section className="volume-events" aria-labelledby="volume-events-heading">
      <h2 id="volume-events-heading">Events</h2>
      {!list ? (
        query.isError ? (
          <ErrorState
            title="Could not load this volume's events"
            error={query.error}
            hint="The volume itself is shown above; retry to load its history."
            onRetry={() => void query.refetch()}
          />
        ) : (
          <LoadingState what="events" />
        )
      ) : list.events.length === 0 ? (
        <p className="muted">No events recorded for this volume yet.</p>
      ) : (
        <>
          <ol
            className="event-list volume-event-list"
            aria-label={`Events for volume ${id}`}
            data-event-count={list.events.length}
          >
            {list.events.map((event) => (
              <li
                key={event.id}
                data-event-id={event.id}
                data-event-type={event.type}
                data-severity={event.severity}
              >
                <time dateTime={event.at}>{formatTimestamp(event.at, true)}</time>
                <span className="event-severity">
                  <SeverityIcon severity={event.severity} /> {event.severity}
                </span>
                <span className="event-type">{event.type}</span>
                <span className="event-message">
                  <EventMessage event={event} />
                </span>
                <span className="event-actor">{event.actor}</span>
              </li>
            ))}
          </ol>
          {list.hasOlder && <p className="muted">Showing the newest {EVENTS_LIMIT} events.</p>}
        </>
      )}
    </section>
  );
}
