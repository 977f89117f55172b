import type { RedfishClient } from './client.js';
import { RedfishError, redfishErrorMessage } from './errors.js';
import { describeIssues, EventSchema, type RedfishEvent } from './schemas.js';
import { SseParser } from './sse.js';
import { type HttpTransport, TransportError } from './transport.js';

export interface OpenStream {
  /** Resolves when the stream ends, with why (undefined when stopped through the signal). */
  closed: Promise<Error | undefined>;
  /** The id of the last message, for Last-Event-ID on the next connection. */
  lastEventId(): string;
}

export interface StreamHandlers {
  event(event: RedfishEvent): void;
  /** A message that is not an Event: logged, the stream goes on. */
  malformed(reason: string): void;
}

/**
 * Opens the EventService's SSE stream (ServerSentEventUri), resuming after `lastEventId`.
 * Resolves once the service has answered 200 with an event stream; a 401 logs in again once.
 */
export async function openEventStream(
  client: RedfishClient,
  transport: HttpTransport,
  uri: string,
  lastEventId: string,
  connectTimeoutMs: number,
  signal: AbortSignal,
  handlers: StreamHandlers,
): Promise<OpenStream> {
  for (let attempt = 0; ; attempt++) {
    const { headers, generation } = await client.session.headers();
    let response: Awaited<ReturnType<HttpTransport['stream']>>;
    try {
      response = await transport.stream(
        {
          method: 'GET',
          url: client.url(uri),
          headers: {
            ...headers,
            accept: 'text/event-stream',
            ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
          },
          timeoutMs: connectTimeoutMs,
        },
        signal,
      );
    } catch (error) {
      if (error instanceof TransportError) throw new RedfishError('unreachable', uri, error.message);
      throw error;
    }
    if (response.statusCode === 401 && attempt === 0 && (await client.session.renew(generation))) {
      response.resume();
      continue;
    }
    if (response.statusCode !== 200) {
      const status = response.statusCode ?? 0;
      const body = await readSome(response);
      const kind =
        status >= 500 && status !== 501 ? 'unreachable' : status === 401 || status === 403 ? 'auth' : 'http';
      throw new RedfishError(kind, uri, redfishErrorMessage(body, status), status);
    }
    // Stopped while connecting: the response may be destroyed already, its 'close' gone by.
    if (signal.aborted || response.destroyed) {
      response.destroy();
      return {
        closed: Promise.resolve(signal.aborted ? undefined : new Error('stream closed')),
        lastEventId: () => lastEventId,
      };
    }
    const parser = new SseParser((message) => {
      let json: unknown;
      try {
        json = JSON.parse(message.data);
      } catch {
        handlers.malformed(`event ${message.id || '(no id)'}: not JSON`);
        return;
      }
      const parsed = EventSchema.safeParse(json);
      if (parsed.success) handlers.event(parsed.data);
      else handlers.malformed(`event ${message.id || '(no id)'}: ${describeIssues(parsed.error)}`);
    });
    parser.lastEventId = lastEventId;
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => parser.push(chunk));
    const closed = new Promise<Error | undefined>((resolve) => {
      const end = (error?: Error) =>
        resolve(signal.aborted ? undefined : (error ?? new Error('stream ended')));
      response.on('end', () => end());
      response.on('close', () => end(new Error('stream closed')));
      response.on('error', (error) => end(error));
    });
    return { closed, lastEventId: () => parser.lastEventId };
  }
}

function readSome(response: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      if (body.length < 65_536) body += chunk;
    });
    response.on('end', () => resolve(body));
    response.on('error', () => resolve(body));
  });
}
