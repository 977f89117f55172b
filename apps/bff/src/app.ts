import { createServer, type Server as HttpServer } from 'node:http';
import type { ClientToServerEvents, ServerToClientEvents } from '@drivebay/api-types';
import { AllocationIndex, type Inventory } from '@drivebay/composer';
import express from 'express';
import { Server } from 'socket.io';
import { type Clock, createEventIds } from './clock.js';
import { Committer } from './commands/committer.js';
import { pruneEvents } from './commands/event-retention.js';
import { IngestCommands } from './commands/ingest.js';
import { type RebuildOptions, RebuildScheduler } from './commands/rebuild-scheduler.js';
import { volumeReaction } from './commands/volume-reaction.js';
import { VolumeCommands } from './commands/volumes.js';
import type { VolumeKeys } from './crypto/volume-keys.js';
import { apiNotFound, errorHandler } from './http/errors.js';
import { eventRoutes } from './http/routes/events.js';
import { healthRoutes } from './http/routes/health.js';
import { simulatorRoutes } from './http/routes/simulator.js';
import { topologyRoutes } from './http/routes/topology.js';
import { volumeRoutes } from './http/routes/volumes.js';
import { webRoutes } from './http/static.js';
import { defaultHubOptions, type HubOptions, LiveHub } from './live/hub.js';
import { attachLiveNamespace } from './live/live-namespace.js';
import type { Logger } from './log.js';
import type { HardwareSource } from './sources/hardware.js';
import type { EventJournal } from './state/event-journal.js';
import { StoreMirror } from './state/mirror.js';
import type { StateStore } from './store/types.js';
import { SnapshotCache } from './topology/snapshot.js';

export interface AppDependencies {
  store: StateStore;
  clock: Clock;
  log: Logger;
  /** Builds the hardware source once the stored inventory is loaded (the simulator resumes from it). */
  hardware: (restored: Inventory) => HardwareSource;
  /** Directory of the built web console. */
  webRoot: string;
  hub?: Partial<HubOptions>;
  /** Derives per-volume encryption keys; only key ids reach the store. */
  volumeKeys: VolumeKeys;
  rebuild?: Partial<RebuildOptions>;
  /** Store history kept for reconnecting clients, in revisions. */
  retainRevisions?: number;
  /** Newest events kept in the timeline. */
  retainEvents?: number;
}

export interface App {
  http: HttpServer;
  /** Loads state, starts the feed, the hub and the hardware source. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Rebuilds copy at a simulated 1 GB/s, so a 100 GiB slice rebuilds in under two minutes. */
const defaultRebuildOptions: RebuildOptions = { bytesPerSecond: 1e9, intervalMs: 1_000 };

/** The composition root: wires store, composer commands, sources, HTTP and socket.io. */
export function createApp(deps: AppDependencies): App {
  const { store, clock, log } = deps;
  const allocations = new AllocationIndex();
  const mirror = new StoreMirror(store, [allocations]);
  const committer = new Committer(store, mirror, clock, createEventIds(clock));
  const ingest = new IngestCommands(committer, mirror, volumeReaction(mirror));
  const volumes = new VolumeCommands(committer, mirror, store, allocations, deps.volumeKeys);
  const rebuilds = new RebuildScheduler(
    committer,
    mirror,
    allocations,
    { ...defaultRebuildOptions, ...deps.rebuild },
    log,
  );
  const hub = new LiveHub(store, { ...defaultHubOptions, ...deps.hub });
  const snapshots = new SnapshotCache(() => ({ inventory: mirror.inventory, revision: mirror.revision }));
  let hardware: HardwareSource | undefined;
  let ready = false;
  let compactor: NodeJS.Timeout | undefined;

  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes(() => ({ ready, revision: mirror.revision })));
  app.use(
    '/api/v1',
    express.json({ limit: '64kb' }),
    topologyRoutes(snapshots, () => mirror.inventory),
    simulatorRoutes(() => hardware),
    eventRoutes(mirror.events),
    volumeRoutes(volumes),
    apiNotFound,
  );
  app.use(webRoutes(deps.webRoot));
  app.use(errorHandler(log));

  const http = createServer(app);
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, {
    serveClient: false,
    // Clients send only small subscribe requests; anything bigger is an attack or a bug.
    maxHttpBufferSize: 16 * 1024,
  });
  attachLiveNamespace(io, hub);

  return {
    http,
    async start() {
      await mirror.start();
      await hub.start();
      hardware = deps.hardware(mirror.inventory);
      await hardware.start((observation) => ingest.observe(observation, `hardware:${hardware?.name}`));
      compactor = startCompactor(
        store,
        {
          revisions: deps.retainRevisions ?? 10_000,
          events: deps.retainEvents ?? 100_000,
          journal: mirror.events,
        },
        log,
      );
      rebuilds.start();
      ready = true;
      log.info('ready', { revision: mirror.revision, drives: mirror.inventory.drives.size });
    },
    async close() {
      ready = false;
      if (compactor) clearInterval(compactor);
      rebuilds.stop();
      await hardware?.stop();
      hub.stop();
      mirror.stop();
      await io.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/**
 * Keeps history bounded: the oldest events beyond `retain.events` are deleted, and store
 * revisions older than `retain.revisions` compacted (reconnecting clients that far behind resync).
 */
function startCompactor(
  store: StateStore,
  retain: { revisions: number; events: number; journal: EventJournal },
  log: Logger,
): NodeJS.Timeout {
  const timer = setInterval(async () => {
    try {
      const pruned = await pruneEvents(store, retain.journal, retain.events);
      if (pruned > 0) log.info('events pruned', { pruned, kept: retain.events });
      const revision = await store.revision();
      const target = revision - retain.revisions;
      if (target > (await store.compactedRevision())) await store.compact(target);
    } catch (error) {
      log.warn('compaction failed', { error: String(error) });
    }
  }, 60_000);
  timer.unref();
  return timer;
}
