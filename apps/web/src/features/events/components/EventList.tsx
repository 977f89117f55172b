import type { DomainEvent } from '@drivebay/api-types';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { EventRow } from './EventRow';

/** One line of text; a long message wraps and its row is measured. */
const ROW_HEIGHT = 34;

/** The timeline, newest first; only the rows in view are in the DOM, however long it grows. */
export function EventList({ events }: { events: readonly DomainEvent[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => events[index]?.id ?? index,
  });
  return (
    <div className="timeline">
      {/* Column names for the eye; each row reads on its own to a screen reader. */}
      <div className="timeline-head" aria-hidden="true">
        <span data-column="time">Time (UTC)</span>
        <span data-column="severity">Severity</span>
        <span data-column="type">Type</span>
        <span data-column="message">What happened</span>
        <span data-column="object">Object</span>
        <span data-column="actor">Caused by</span>
      </div>
      <div className="timeline-scroll" ref={scrollRef}>
        <ol
          className="event-list timeline-rows"
          aria-label="Events"
          data-event-count={events.length}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const event = events[item.index];
            if (!event) return null;
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-event-id={event.id}
                data-event-type={event.type}
                data-severity={event.severity}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <EventRow event={event} />
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
