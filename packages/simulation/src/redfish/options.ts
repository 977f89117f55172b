import type { IndicatorStyle } from './indicator.js';
import type { RedfishCredentials } from './sessions.js';

/** How the simulated site's Redfish service behaves; what a client must cope with is switchable. */
export interface RedfishServiceOptions {
  /** The account that may log in (sessions) or authenticate each request (basic auth). */
  credentials: RedfishCredentials;
  /** Most members on one collection page (`Members@odata.nextLink` for the rest). Default 1,000. */
  pageSize?: number;
  /** Most resources one expanded collection page renders; at least one member a page. Default 5,000. */
  expandBudget?: number;
  /** Whether `$expand` is supported and advertised. Default true. */
  expand?: boolean;
  /** Whether the EventService offers Server-Sent Events. Default true. */
  sse?: boolean;
  /** Seconds a session may stay idle (`SessionService.SessionTimeout`). Default 1,800. */
  sessionTimeoutSeconds?: number;
  /** Milliseconds between SSE heartbeat comments; 0 for none. Default 15,000. */
  heartbeatMs?: number;
  /** SSE messages kept for Last-Event-ID replay. Default 1,000. */
  eventBuffer?: number;
  /** Most event records in one Event (a storm tick is split over several). Default 50. */
  recordsPerEvent?: number;
  /** How locate LEDs are served; both are accepted in a PATCH. Default LocationIndicatorActive. */
  indicator?: IndicatorStyle;
  /** Time in ms since the epoch; sessions expire and events are stamped by it. Default Date.now. */
  clock?: () => number;
  /** Test hook: faults of the service itself. Never set in production. */
  faults?: FaultHooks;
  /** Told of every answer once it is sent: for benchmarks and metrics, counting what clients ask. */
  onAnswered?: (answer: AnsweredRequest) => void;
}

/** One request as answered: what a client asked and what it cost the service to say. */
export interface AnsweredRequest {
  method: string;
  /** The path without its query. */
  path: string;
  status: number;
  /** Bytes written on the wire for it, status line and headers included. */
  bytes: number;
}

/** What the service does to one request instead of (or before) answering it. */
export interface RequestFault {
  /** Answer this status with a Redfish error body instead. */
  status?: 500 | 503;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Answer 200 with a body that is not JSON. */
  malformed?: boolean;
}

/**
 * What the service asks of its test hook (testing/ServiceFaults implements it): declared here so
 * the service never imports test support.
 */
export interface FaultHooks {
  forRequest(path: string): RequestFault;
  onDropEventStreams(listener: () => void): () => void;
}

export type ResolvedOptions = Required<Omit<RedfishServiceOptions, 'faults' | 'onAnswered'>> &
  Pick<RedfishServiceOptions, 'faults' | 'onAnswered'>;

export function resolveOptions(options: RedfishServiceOptions): ResolvedOptions {
  return {
    pageSize: 1_000,
    expandBudget: 5_000,
    expand: true,
    sse: true,
    sessionTimeoutSeconds: 1_800,
    heartbeatMs: 15_000,
    eventBuffer: 1_000,
    recordsPerEvent: 50,
    indicator: 'LocationIndicatorActive',
    clock: Date.now,
    ...definedOnly(options),
    credentials: options.credentials,
  };
}

/** `{ pageSize: undefined }` means the default, not "no page size". */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
