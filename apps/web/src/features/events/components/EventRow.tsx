import type { DomainEvent } from '@drivebay/api-types';
import { Link } from 'react-router';
import { EventMessage } from '../../../shared/components/EventMessage';
import { LineBreaks } from '../../../shared/components/LineBreaks';
import { SeverityIcon } from '../../../shared/components/SeverityIcon';
import { idLineParts, nameLineParts } from '../../../shared/format/lineBreaks';
import { formatShortTimestamp, formatTimestamp } from '../../../shared/format/time';
import { eventObjectHref } from '../model/eventLinks';

/**
 * One event: when, how bad (icon and word), what, about which object (linked), and who. Each cell
 * names its column (data-column) for the grid; long ids and names wrap at their separators, whole.
 */
export function EventRow({ event }: { event: DomainEvent }) {
  const href = eventObjectHref(event);
  const object = `${event.subject.kind} ${event.subject.id}`;
  const objectText = <LineBreaks parts={idLineParts(object)} />;
  return (
    <>
      {/* The column's header names the zone; the title spells it out. */}
      <time data-column="time" dateTime={event.at} title={formatTimestamp(event.at, true)}>
        {formatShortTimestamp(event.at, true)}
      </time>
      <span className="event-severity" data-column="severity">
        <SeverityIcon severity={event.severity} /> {event.severity}
      </span>
      <span className="event-type" data-column="type">
        <LineBreaks parts={nameLineParts(event.type)} />
      </span>
      <span className="event-message" data-column="message">
        <EventMessage event={event} />
      </span>
      <span className="event-object" data-column="object" title={object}>
        {href ? <Link to={href}>{objectText}</Link> : objectText}
      </span>
      <span className="event-actor" data-column="actor" title={event.actor}>
        <span className="visually-hidden">by </span>
        <LineBreaks parts={idLineParts(event.actor)} />
      </span>
    </>
  );
}
