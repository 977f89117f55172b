/** One Server-Sent Events message. */
export interface SseMessage {
  id: string;
  event: string;
  data: string;
}

/**
 * A text/event-stream parser, as the WHATWG HTML spec defines it (lines ended by CRLF, LF or CR;
 * `data` lines joined by "\n"; `id` remembered for Last-Event-ID; comments ignored). Small
 * enough to own rather than take a dependency for.
 */
export class SseParser {
  /** The id to resume from (Last-Event-ID), kept across messages as the spec says. */
  lastEventId = '';
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private skipLf = false;

  constructor(private readonly onMessage: (message: SseMessage) => void) {}

  push(chunk: string): void {
    if (chunk === '') return;
    // A CR that ended the last chunk may be the first half of a CRLF: its LF ends no second line.
    this.buffer += this.skipLf && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    this.skipLf = false;
    for (;;) {
      const end = this.buffer.search(/\r\n|\n|\r/);
      if (end < 0) return;
      const crlf = this.buffer.startsWith('\r\n', end);
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) this.skipLf = true;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (crlf ? 2 : 1));
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
  }

  private dispatch(): void {
    const data = this.data;
    const event = this.event;
    this.data = [];
    this.event = '';
    if (data.length === 0) return;
    this.onMessage({ id: this.lastEventId, event: event || 'message', data: data.join('\n') });
  }
}
