import type { DomainEvent } from '@drivebay/api-types';
import { Link } from 'react-router';
import { SeverityIcon } from '../../../shared/components/SeverityIcon';
import { formatTimestamp } from '../../../shared/format/time';
import { eventObjectHref } from '../model/eventLinks';

/** One event: when, how bad (icon and word), what, about which object (linked), and who. */
export function EventRow({ event }: { event: DomainEvent }) {
  const href = eventObjectHref(event);
  const object = `${event.subject.kind} ${event.subject.id}`;
  return (
    <>
      <time dateTime={event.at}>{formatTimestamp(event.at, true)}</time>
      <span className="event-severity">
        <SeverityIcon severity={event.severity} /> {event.severity}
      </span>
      <span className="event-type">{event.type}</span>
      <span className="event-message">{event.message}</span>
      <span className="event-object">{href ? <Link to={href}>{object}</Link> : object}</span>
      <span className="event-actor" title={event.actor}>
        <span className="visually-hidden">by </span>
        {event.actor}
      </span>
    </>
  );
}
