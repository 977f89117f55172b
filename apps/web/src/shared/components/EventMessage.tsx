import type { DomainEvent } from '@drivebay/api-types';
import { messageParts } from '../format/messageParts';

/**
 * An event's message, the ISO times in it written as the console writes times (the ISO itself in
 * the title): for any list of events, inside its message cell.
 */
export function EventMessage({ event }: { event: Pick<DomainEvent, 'message' | 'at'> }) {
  return messageParts(event.message, event.at).map((part, index) =>
    part.kind === 'time' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one message never reorder.
      <time key={index} className="event-message-time" dateTime={part.iso} title={part.iso}>
        {part.text}
      </time>
    ) : (
      part.text
    ),
  );
}
