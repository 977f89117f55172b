import type { ServerResponse } from 'node:http';
import type { EventMessage } from './event-log.js';

/** A client this far behind (bytes not yet sent) is cut off; it resumes with Last-Event-ID. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

interface Stream {
  res: ServerResponse;
  sessionId: string | undefined;
}

/**
 * The open Server-Sent Event streams: each gets every event as one `id:`/`data:` message, and
 * a comment line as heartbeat so that clients and proxies can tell a quiet stream from a dead one.
 */
export class EventStreams {
  private readonly streams = new Set<Stream>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly heartbeatMs: number) {}

  /** Starts a stream on `res`: what it missed first, then live events. */
  open(res: ServerResponse, sessionId: string | undefined, backlog: readonly EventMessage[]): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': Drivebay event stream\n\n');
    const stream = { res, sessionId };
    for (const message of backlog) res.write(format(message));
    this.streams.add(stream);
    res.on('close', () => {
      this.streams.delete(stream);
      if (this.streams.size === 0) this.stopHeartbeat();
    });
    this.startHeartbeat();
  }

  broadcast(messages: readonly EventMessage[]): void {
    if (messages.length === 0) return;
    const text = messages.map(format).join('');
    for (const stream of this.streams) this.write(stream, text);
  }

  /** Closes the streams of a session that logged out: they were opened with its token. */
  closeSession(sessionId: string): void {
    for (const stream of this.streams) if (stream.sessionId === sessionId) stream.res.end();
  }

  /** Cuts every stream without a proper end, as a network drop does. */
  drop(): void {
    for (const stream of this.streams) stream.res.destroy();
  }

  closeAll(): void {
    for (const stream of this.streams) stream.res.end();
    this.streams.clear();
    this.stopHeartbeat();
  }

  get size(): number {
    return this.streams.size;
  }

  private write(stream: Stream, text: string): void {
    if (stream.res.writableLength > MAX_BUFFERED_BYTES) return void stream.res.destroy();
    stream.res.write(text);
  }

  private startHeartbeat(): void {
    if (this.heartbeat || this.heartbeatMs <= 0) return;
    this.heartbeat = setInterval(() => {
      const text = `: heartbeat ${new Date().toISOString()}\n\n`;
      for (const stream of this.streams) this.write(stream, text);
    }, this.heartbeatMs);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}

function format(message: EventMessage): string {
  return `id: ${message.id}\ndata: ${message.data}\n\n`;
}
