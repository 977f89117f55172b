import {
  type ClientRequest,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { type Instruments, noInstruments, secondsSince } from '../../metrics/prometheus/instruments.js';

/** How a service's TLS certificate is checked. */
export interface TlsOptions {
  /** PEM CA bundle the service's certificate must chain to; else the system's roots. */
  ca?: string | undefined;
  /** Accept any certificate (--redfish-insecure): only by explicit choice. */
  insecure?: boolean | undefined;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: URL;
  headers: Record<string, string>;
  body?: string | undefined;
  /** The whole exchange, headers and body, must finish within this. */
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The request never got an HTTP answer: refused, reset, TLS refused, or too slow. */
export class TransportError extends Error {
  constructor(
    readonly kind: 'network' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

/** A JSON body larger than this is refused rather than buffered: no Redfish page is this big. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

/**
 * HTTP(S) to one Redfish service over node:http(s), since Node 20's fetch cannot pin a CA
 * without undici's Agent (not a dependency). Keep-alive: a scan is thousands of small requests.
 */
export class HttpTransport {
  private readonly agent: HttpAgent | HttpsAgent;

  constructor(
    readonly base: URL,
    tls: TlsOptions = {},
    maxSockets = 16,
    private readonly instruments: Instruments = noInstruments,
  ) {
    this.agent =
      base.protocol === 'https:'
        ? new HttpsAgent({ keepAlive: true, maxSockets, ca: tls.ca, rejectUnauthorized: !tls.insecure })
        : new HttpAgent({ keepAlive: true, maxSockets });
  }

  /** One request, its body read in full within `timeoutMs`. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    const started = performance.now();
    try {
      const response = await this.exchange(req);
      this.instruments.redfishRequest(secondsSince(started), `${Math.floor(response.status / 100)}xx`);
      return response;
    } catch (error) {
      this.instruments.redfishRequest(secondsSince(started), 'error');
      throw error;
    }
  }

  private exchange(req: HttpRequest): Promise<HttpResponse> {
    return new Promise<HttpResponse>((resolve, reject) => {
      const outgoing = this.request(req, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) response.destroy(new TransportError('network', 'response too large'));
          else chunks.push(chunk);
        });
        response.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        response.on('error', fail);
        response.on('aborted', () => fail(new TransportError('network', 'connection closed mid-response')));
      });
      const fail = (error: unknown) => {
        clearTimeout(timer);
        reject(asTransportError(error));
      };
      const timer = setTimeout(
        () => outgoing.destroy(new TransportError('timeout', 'no answer in time')),
        req.timeoutMs,
      );
      outgoing.on('error', fail);
      outgoing.end(req.body);
    });
  }

  /**
   * A long-lived response (Server-Sent Events): `timeoutMs` covers the headers only; the caller
   * reads the body and ends it through `signal`.
   */
  stream(req: HttpRequest, signal: AbortSignal): Promise<IncomingMessage> {
    return new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = this.request(req, (response) => {
        clearTimeout(timer);
        if (signal.aborted) response.destroy();
        else signal.addEventListener('abort', () => response.destroy(), { once: true });
        resolve(response);
      });
      const timer = setTimeout(
        () => outgoing.destroy(new TransportError('timeout', 'no answer in time')),
        req.timeoutMs,
      );
      signal.addEventListener('abort', () => outgoing.destroy(new TransportError('network', 'stopped')), {
        once: true,
      });
      outgoing.on('error', (error) => {
        clearTimeout(timer);
        reject(asTransportError(error));
      });
      outgoing.end(req.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private request(req: HttpRequest, onResponse: (response: IncomingMessage) => void): ClientRequest {
    const send = req.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const length = req.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(req.body)) };
    return send(
      req.url,
      { method: req.method, headers: { ...req.headers, ...length }, agent: this.agent },
      onResponse,
    );
  }
}

function asTransportError(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const code = (error as { code?: unknown }).code;
  const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  return new TransportError('network', reason);
}
