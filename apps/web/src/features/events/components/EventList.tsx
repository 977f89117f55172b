import type { DomainEvent } from '@drivebay/api-types';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { EventRow } from './EventRow';

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
    <div className="timeline-scroll" ref={scrollRef}>
      <ol
        className="event-list timeline"
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
  );
}
