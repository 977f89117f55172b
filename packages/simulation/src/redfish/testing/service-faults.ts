import type { FaultHooks, RequestFault } from '../options.js';

export type { RequestFault };

/**
 * Test hook: faults of the Redfish service itself (not of the site it serves), for the tests
 * of a Redfish client. Only code holding this object can arm them; nothing over HTTP can, and
 * a service started without one has none.
 */
export class ServiceFaults implements FaultHooks {
  private failing: { status: 500 | 503; remaining: number; pathPrefix: string } | undefined;
  private delayMs = 0;
  private readonly malformedPaths = new Set<string>();
  private readonly dropListeners = new Set<() => void>();

  /** Answers `status` to the next `count` requests under `pathPrefix` (all of them until `clear()`). */
  failRequests(status: 500 | 503, options: { count?: number; pathPrefix?: string } = {}): void {
    this.failing = {
      status,
      remaining: options.count ?? Number.POSITIVE_INFINITY,
      pathPrefix: options.pathPrefix ?? '/',
    };
  }

  /** Delays every answer by `ms` (0 to stop). */
  delayResponses(ms: number): void {
    this.delayMs = ms;
  }

  /** Serves a truncated JSON body at exactly this path (query aside) until `clear()`. */
  serveMalformedJson(path: string): void {
    this.malformedPaths.add(path);
  }

  /** Cuts every open SSE stream now, without a proper end. */
  dropEventStreams(): void {
    for (const listener of this.dropListeners) listener();
  }

  clear(): void {
    this.failing = undefined;
    this.delayMs = 0;
    this.malformedPaths.clear();
  }

  /** The service's side: what to do to a request for `path`. */
  forRequest(path: string): RequestFault {
    const fault: RequestFault = {};
    if (this.delayMs > 0) fault.delayMs = this.delayMs;
    if (this.malformedPaths.has(path)) fault.malformed = true;
    const failing = this.failing;
    if (failing && failing.remaining > 0 && path.startsWith(failing.pathPrefix)) {
      failing.remaining--;
      fault.status = failing.status;
    }
    return fault;
  }

  /** The service's side: hears `dropEventStreams()`. */
  onDropEventStreams(listener: () => void): () => void {
    this.dropListeners.add(listener);
    return () => this.dropListeners.delete(listener);
  }
}
