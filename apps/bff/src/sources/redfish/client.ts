import type { z } from 'zod';
import { RedfishError, redfishErrorMessage } from './errors.js';
import { describeIssues } from './schemas.js';
import type { RedfishSession } from './session.js';
import { type HttpRequest, type HttpResponse, type HttpTransport, TransportError } from './transport.js';

/** How hard the client tries before a service counts as down. */
export interface RetryPolicy {
  /** Per request, headers and body. */
  timeoutMs: number;
  /** Further attempts after a network error, a timeout or a 5xx. */
  retries: number;
  /** First backoff; doubles per attempt, with jitter. */
  backoffMs: number;
  /** Requests in flight to this service at once: BMCs are small computers. */
  maxConcurrent: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  timeoutMs: 10_000,
  retries: 2,
  backoffMs: 250,
  maxConcurrent: 16,
};

export interface Fetched<T> {
  value: T;
  etag: string | undefined;
}

/**
 * Reads and writes one Redfish service: authenticated (a 401 logs in again once, then retries),
 * retried with backoff on network errors and 5xx, bounded in concurrency, and every answer
 * parsed as JSON and checked against its schema. Errors are `RedfishError`s naming the path.
 */
export class RedfishClient {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  /** Requests made, for tests and the status ("discovery in a bounded number of requests"). */
  requests = 0;

  constructor(
    private readonly transport: HttpTransport,
    readonly session: RedfishSession,
    private readonly policy: RetryPolicy = defaultRetryPolicy,
  ) {}

  /** The absolute URL of an `@odata.id` or nextLink, whatever its form (path or URL). */
  url(ref: string): URL {
    return new URL(ref, this.transport.base);
  }

  /** GETs a resource and checks it against `schema`. */
  async get<S extends z.ZodType>(path: string, schema: S): Promise<Fetched<z.output<S>>> {
    const result = await this.getIfChanged(path, schema, undefined);
    if (!result) throw new RedfishError('http', path, 'answered 304 without If-None-Match');
    return result;
  }

  /** A conditional GET: undefined when the service answers 304 to `etag`. */
  async getIfChanged<S extends z.ZodType>(
    path: string,
    schema: S,
    etag: string | undefined,
  ): Promise<Fetched<z.output<S>> | undefined> {
    const response = await this.exchange(path, {
      method: 'GET',
      headers: { accept: 'application/json', ...(etag ? { 'if-none-match': etag } : {}) },
    });
    if (response.status === 304) return undefined;
    const value = parse(path, response.body, schema);
    const header = response.headers.etag;
    return { value, etag: typeof header === 'string' ? header : undefined };
  }

  /** PATCHes a resource (locate LEDs); the answer's body, if any, is not needed. */
  async patch(path: string, body: Record<string, unknown>): Promise<void> {
    await this.exchange(path, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** The headers an authenticated request of the caller's own (the event stream) carries. */
  async authHeaders(): Promise<Record<string, string>> {
    return (await this.session.headers()).headers;
  }

  private async exchange(path: string, req: Omit<HttpRequest, 'url' | 'timeoutMs'>): Promise<HttpResponse> {
    await this.acquire();
    try {
      return await this.withRetries(path, req);
    } finally {
      this.release();
    }
  }

  private async withRetries(
    path: string,
    req: Omit<HttpRequest, 'url' | 'timeoutMs'>,
  ): Promise<HttpResponse> {
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      let failure: string;
      try {
        const { headers, generation } = await this.session.headers();
        this.requests++;
        const response = await this.transport.send({
          ...req,
          url: this.url(path),
          headers: { ...req.headers, ...headers, 'odata-version': '4.0' },
          timeoutMs: this.policy.timeoutMs,
        });
        if (response.status === 401 && !renewed) {
          renewed = true;
          if (await this.session.renew(generation)) {
            attempt--;
            continue;
          }
        }
        if (response.status < 400 || response.status === 304) return response;
        const message = redfishErrorMessage(response.body, response.status);
        if (response.status === 401 || response.status === 403) {
          throw new RedfishError('auth', path, message, response.status);
        }
        if (response.status === 404) throw new RedfishError('not-found', path, message, 404);
        if (response.status < 500 || response.status === 501) {
          throw new RedfishError('http', path, message, response.status);
        }
        failure = message;
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        failure = error.kind === 'timeout' ? `no answer within ${this.policy.timeoutMs} ms` : error.message;
      }
      if (attempt >= this.policy.retries) throw new RedfishError('unreachable', path, failure);
      await sleep(this.policy.backoffMs * 2 ** attempt * (0.8 + Math.random() * 0.4));
    }
  }

  private async acquire(): Promise<void> {
    if (this.inFlight < this.policy.maxConcurrent) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }
}

function parse<S extends z.ZodType>(path: string, body: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new RedfishError('malformed', path, 'not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new RedfishError('malformed', path, describeIssues(parsed.error));
  return parsed.data;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
