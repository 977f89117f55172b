import { Counter, Histogram, type Metric, type Registry } from 'prom-client';

/** How a store transaction ended. */
export type CommitOutcome = 'committed' | 'conflict' | 'error';

/**
 * What the process measures as it works, for /metrics: the write path, compositions, the change
 * feed, the live hub, the podwatcher's watches and the Redfish sources' requests. The parts that do
 * the work call these methods (one line each, no prom-client types leak into them); the scrape
 * reads the figures. Labels are outcomes, codes, rooms and clusters — all bounded by the schema or
 * the configuration, never by the number of drives or volumes.
 */
export interface Instruments {
  commit(seconds: number, outcome: CommitOutcome): void;
  /** A composition request answered: `code` is `OK` or the error code the caller got. */
  composed(seconds: number, code: string): void;
  /** From a commit to the moment the mirror (and with it the live hub) has applied it. */
  feedLag(seconds: number): void;
  /** Deltas handed to the sockets of a room (each batch once per room). */
  deltasSent(room: string, count: number): void;
  /** Reads a cluster's podwatcher's counts (lists, watch errors, silent-watch restarts) at each scrape. */
  followPodwatcher(cluster: string, stats: () => Record<string, InformerCounts>): void;
  /** A request the CSI plugin made for a CSI RPC (`Drivebay-CSI-Call`), answered with this HTTP status. */
  csiCall(seconds: number, rpc: string, status: number): void;
  /** A failure a node plugin reported for a CSI RPC (a mount or mkfs that failed on the server). */
  csiNodeError(rpc: string, code: string): void;
  /** One Redfish HTTP request, answered (`2xx` … `5xx`) or not (`error`). */
  redfishRequest(seconds: number, outcome: string): void;
}

/** What a podwatcher counts per watched resource. */
export interface InformerCounts {
  lists: number;
  errors: number;
  silentRestarts: number;
}

/** The RPCs of CSI v1 the plugin makes API calls for; any other name is counted as `other`. */
const CSI_RPCS = new Set([
  'CreateVolume',
  'DeleteVolume',
  'ControllerPublishVolume',
  'ControllerUnpublishVolume',
  'ValidateVolumeCapabilities',
  'ListVolumes',
  'GetCapacity',
  'ControllerGetVolume',
  'ControllerExpandVolume',
  'NodeStageVolume',
  'NodeUnstageVolume',
  'NodePublishVolume',
  'NodeUnpublishVolume',
  'NodeGetVolumeStats',
  'NodeExpandVolume',
  'NodeGetInfo',
]);
const csiRpc = (rpc: string) => (CSI_RPCS.has(rpc) ? rpc : 'other');
/** gRPC code names are a fixed set of 17; anything else a client sends is `other`. */
const GRPC_CODE =
  /^(OK|CANCELLED|UNKNOWN|INVALID_ARGUMENT|DEADLINE_EXCEEDED|NOT_FOUND|ALREADY_EXISTS|PERMISSION_DENIED|RESOURCE_EXHAUSTED|FAILED_PRECONDITION|ABORTED|OUT_OF_RANGE|UNIMPLEMENTED|INTERNAL|UNAVAILABLE|DATA_LOSS|UNAUTHENTICATED)$/;

/** Seconds, from a quarter of a millisecond to ten seconds: a store commit to a slow composition. */
const LATENCY_BUCKETS = [
  0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10,
];

/** The instruments, backed by prom-client metrics that `register` adds to the served registry. */
export class PrometheusInstruments implements Instruments {
  private readonly commits = new Histogram({
    name: 'drivebay_store_commit_duration_seconds',
    help: 'Store transactions by outcome (committed, conflict: a compare failed, error).',
    labelNames: ['outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [],
  });
  private readonly compositions = new Histogram({
    name: 'drivebay_composition_duration_seconds',
    help: 'Composition requests (CreateVolume) by the code answered: OK or the error code.',
    labelNames: ['code'],
    buckets: LATENCY_BUCKETS,
    registers: [],
  });
  private readonly lag = new Histogram({
    name: 'drivebay_change_feed_lag_seconds',
    help: "From a commit of this process to the mirror's applying it (what browsers wait for).",
    buckets: LATENCY_BUCKETS,
    registers: [],
  });
  private readonly deltas = new Counter({
    name: 'drivebay_live_deltas_sent_total',
    help: 'Deltas the live hub sent, by room (a batch counts once per room, whatever the clients).',
    labelNames: ['room'],
    registers: [],
  });
  private readonly podwatchers = new Map<string, () => Record<string, InformerCounts>>();
  private readonly lists = this.podwatcherCounter(
    'drivebay_kubernetes_lists_total',
    'Full lists of a resource by the podwatcher: the first, then one per watch that could not resume (410 Gone).',
    (counts) => counts.lists,
  );
  private readonly watchErrors = this.podwatcherCounter(
    'drivebay_kubernetes_watch_errors_total',
    "Failures of the podwatcher's watches (each is restarted with backoff).",
    (counts) => counts.errors,
  );
  private readonly silentRestarts = this.podwatcherCounter(
    'drivebay_kubernetes_watch_silent_restarts_total',
    'Watches restarted because they went silent (no event, no bookmark) past the watchdog.',
    (counts) => counts.silentRestarts,
  );
  private readonly csi = new Histogram({
    name: 'drivebay_csi_call_duration_seconds',
    help: 'API requests the CSI plugin made for a CSI RPC, by RPC and HTTP status class.',
    labelNames: ['rpc', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [],
  });
  private readonly csiNode = new Counter({
    name: 'drivebay_csi_node_errors_total',
    help: 'Failures node plugins reported (the server-side step of a CSI RPC failed), by RPC and gRPC code.',
    labelNames: ['rpc', 'code'],
    registers: [],
  });
  private readonly redfish = new Histogram({
    name: 'drivebay_redfish_request_duration_seconds',
    help: 'Requests to Redfish services by outcome: the status class (2xx … 5xx) or error (no answer).',
    labelNames: ['outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [],
  });

  /** Adds every instrument to the registry /metrics serves. */
  register(registry: Registry): void {
    const metrics: Metric[] = [
      this.commits,
      this.compositions,
      this.lag,
      this.deltas,
      this.lists,
      this.watchErrors,
      this.silentRestarts,
      this.csi,
      this.csiNode,
      this.redfish,
    ];
    for (const metric of metrics) registry.registerMetric(metric);
  }

  commit(seconds: number, outcome: CommitOutcome): void {
    this.commits.observe({ outcome }, seconds);
  }
  composed(seconds: number, code: string): void {
    this.compositions.observe({ code }, seconds);
  }
  feedLag(seconds: number): void {
    this.lag.observe(seconds);
  }
  deltasSent(room: string, count: number): void {
    // Per-cluster Kubernetes rooms are folded into one label value: rooms stay a fixed set.
    this.deltas.inc({ room: room.startsWith('kube:') ? 'kube' : room }, count);
  }
  followPodwatcher(cluster: string, stats: () => Record<string, InformerCounts>): void {
    this.podwatchers.set(cluster, stats);
  }
  csiCall(seconds: number, rpc: string, status: number): void {
    this.csi.observe({ rpc: csiRpc(rpc), outcome: `${Math.floor(status / 100)}xx` }, seconds);
  }
  csiNodeError(rpc: string, code: string): void {
    this.csiNode.inc({ rpc: csiRpc(rpc), code: GRPC_CODE.test(code) ? code : 'other' });
  }
  redfishRequest(seconds: number, outcome: string): void {
    this.redfish.observe({ outcome }, seconds);
  }

  /** A counter the podwatchers keep (their informers count), read when Prometheus scrapes. */
  private podwatcherCounter(name: string, help: string, pick: (counts: InformerCounts) => number): Counter {
    const podwatchers = this.podwatchers;
    return new Counter({
      name,
      help,
      labelNames: ['cluster', 'resource'],
      registers: [],
      collect() {
        this.reset();
        for (const [cluster, stats] of podwatchers)
          for (const [resource, counts] of Object.entries(stats()))
            this.inc({ cluster, resource }, pick(counts));
      },
    });
  }
}

/** For parts built without a process around them (unit tests, tools): measures nothing. */
export const noInstruments: Instruments = {
  commit: () => {},
  composed: () => {},
  feedLag: () => {},
  deltasSent: () => {},
  followPodwatcher: () => {},
  csiCall: () => {},
  csiNodeError: () => {},
  redfishRequest: () => {},
};

/** Seconds since `started` (a `performance.now()` reading). */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
