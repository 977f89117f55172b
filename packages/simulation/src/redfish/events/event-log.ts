import { type JsonObject, ref } from '../json.js';
import { EVENT_SERVICE } from '../paths.js';
import type { EventRecordDraft } from './site-events.js';

/** One Redfish Event as delivered: its sequence number and its JSON, serialized once. */
export interface EventMessage {
  id: number;
  data: string;
}

/** What a client that reconnects with a Last-Event-ID gets before live events. */
export interface Replay {
  messages: EventMessage[];
  /**
   * The service cannot tell whether events were missed (the id is older than the buffer,
   * or from another run): the client is told so in-band and should rescan.
   */
  gap: EventMessage | undefined;
}

/**
 * The service's recent events, numbered from 1, in a bounded buffer for Last-Event-ID replay.
 * A batch of changes (a storm tick) becomes as few messages as fit `recordsPerMessage` each.
 */
export class EventLog {
  private readonly held: EventMessage[] = [];
  private sequence = 0;

  constructor(
    private readonly capacity: number,
    private readonly recordsPerMessage: number,
    private readonly now: () => number,
  ) {}

  get lastId(): number {
    return this.sequence;
  }

  append(drafts: readonly EventRecordDraft[]): EventMessage[] {
    const appended: EventMessage[] = [];
    for (let start = 0; start < drafts.length; start += this.recordsPerMessage) {
      const id = ++this.sequence;
      const timestamp = new Date(this.now()).toISOString();
      const records = drafts.slice(start, start + this.recordsPerMessage).map((draft, i) => ({
        EventId: `${id}.${i + 1}`,
        EventTimestamp: timestamp,
        ...draft,
        MessageSeverity: draft.Severity,
      }));
      appended.push({ id, data: JSON.stringify(eventBody(id, records)) });
    }
    this.held.push(...appended);
    if (this.held.length > this.capacity) this.held.splice(0, this.held.length - this.capacity);
    return appended;
  }

  /** What follows `lastEventId`, if the buffer still holds all of it. */
  since(lastEventId: string | undefined): Replay {
    if (lastEventId === undefined) return { messages: [], gap: undefined };
    const last = /^\d{1,15}$/.test(lastEventId.trim()) ? Number(lastEventId.trim()) : Number.NaN;
    const oldest = this.held[0]?.id ?? this.sequence + 1;
    if (Number.isNaN(last) || last > this.sequence || last < oldest - 1)
      return { messages: [], gap: this.gap() };
    return { messages: this.held.filter((m) => m.id > last), gap: undefined };
  }

  /** Base's EventBufferExceeded, numbered as the newest event so the client resumes from here. */
  private gap(): EventMessage {
    const record = {
      EventId: `${this.sequence}.0`,
      EventTimestamp: new Date(this.now()).toISOString(),
      MessageId: 'Base.1.8.EventBufferExceeded',
      Message: 'Undelivered events may have been lost due to a lack of buffer space in the service.',
      MessageArgs: [],
      Severity: 'Warning',
      MessageSeverity: 'Warning',
      OriginOfCondition: ref(EVENT_SERVICE),
    };
    return { id: this.sequence, data: JSON.stringify(eventBody(this.sequence, [record])) };
  }
}

function eventBody(id: number, records: JsonObject[]): JsonObject {
  return {
    '@odata.type': '#Event.v1_7_0.Event',
    Id: String(id),
    Name: 'Drivebay simulated site events',
    Events: records,
  };
}
