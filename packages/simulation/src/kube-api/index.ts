/**
 * A Kubernetes-API-compatible simulator: enough of core/v1, storage.k8s.io/v1 and
 * coordination.k8s.io/v1 (discovery, list, watch with history and bookmarks, Tables for kubectl,
 * patches) that client-node informers and kubectl run against it unchanged, over an in-process
 * store the rest of Drivebay drives.
 */
import { WatchFaults } from './faults.js';
import { KubeApiHttpServer } from './http-server.js';
import { ObjectStore, type ObjectStoreOptions } from './object-store.js';
import type { ServerContext } from './server-context.js';

export {
  buildNode,
  buildPod,
  buildPv,
  buildPvc,
  buildStorageClass,
  buildVolumeAttachment,
} from './builders.js';
export type { ExpiredFault } from './faults.js';
export { kubeTime } from './object-meta.js';
export { type ObjectChange, ObjectStore, type ObjectStoreOptions } from './object-store.js';
export { RESOURCES, type ResourceDef, type ResourceName } from './resources.js';
export { KubeApiError } from './status.js';
export type { KubeObject, KubeObjectInput, KubeStatus, ObjectMeta, ObjectRef, StoreChange } from './types.js';

/** How to start the simulated Kubernetes API server. */
export interface KubeApiSimulatorOptions {
  /** 0 (the default) picks a free port; it is kept across stop()/start(). */
  port?: number;
  /** Loopback only by default: the simulator has no TLS and, unless `token` is set, no auth. */
  host?: string;
  /** When set, every request but health checks needs `Authorization: Bearer <token>`, else 401. */
  token?: string;
  /** How often watches that allow bookmarks get one (default 60 s, like the apiserver's ~1 min). */
  bookmarkIntervalMs?: number;
  /** An existing store to serve (to share state); otherwise a new one is made from `storeOptions`. */
  store?: ObjectStore;
  storeOptions?: ObjectStoreOptions;
  now?: () => number;
}

/** A running simulated apiserver: its address, its state, and the faults a test can cause. */
export interface KubeApiSimulator {
  url: string;
  port: number;
  store: ObjectStore;
  /** Watches currently open (a test can wait for a client to have reconnected). */
  readonly openWatches: number;
  /** Cuts every open watch connection abruptly (no clean end of the chunked body). */
  dropWatches(): void;
  /** Ends every open watch cleanly, as the apiserver does when a watch's timeout runs out. */
  endWatches(): void;
  /** true: watches stay open but send nothing, not even bookmarks; false: queued events flow again. */
  stallWatches(stalled: boolean): void;
  /**
   * A half-open connection: the watches open now go silent for good (until the client gives up on
   * them), while new watches flow normally.
   */
  silenceOpenWatches(): void;
  /** The next watch request gets 410 Expired: as HTTP status, or as an ERROR event in a 200 stream. */
  injectExpired(fault: { inStream: boolean }): void;
  /** The apiserver going down: listening stops and connections drop; the store survives. */
  stop(): Promise<void>;
  /** The apiserver coming back on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a Kubernetes-API-compatible server over an in-process object store, for client-node and kubectl. */
export async function startKubeApiSimulator(
  options: KubeApiSimulatorOptions = {},
): Promise<KubeApiSimulator> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const store = options.store ?? new ObjectStore({ now, ...options.storeOptions });
  const ctx: ServerContext = {
    store,
    now,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    faults: new WatchFaults(),
    watches: new Set(),
  };
  const http = new KubeApiHttpServer(ctx, options.token);
  const port = await http.listen(options.port ?? 0, host);
  let running = true;
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    get openWatches() {
      return ctx.watches.size;
    },
    dropWatches: () => {
      for (const watch of [...ctx.watches]) watch.drop();
    },
    endWatches: () => {
      for (const watch of [...ctx.watches]) watch.end();
    },
    stallWatches: (stalled) => {
      ctx.faults.stalled = stalled;
      for (const watch of ctx.watches) watch.setStalled(stalled);
    },
    silenceOpenWatches: () => {
      for (const watch of ctx.watches) watch.setStalled(true);
    },
    injectExpired: (fault) => ctx.faults.injectExpired(fault),
    stop: async () => {
      running = false;
      await http.close();
    },
    start: async () => {
      if (running) return;
      await http.listen(port, host);
      running = true;
    },
    close: () => http.close(),
  };
}
