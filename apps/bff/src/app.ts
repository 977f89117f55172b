import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type ClientToServerEvents, LIVE_NAMESPACE, type ServerToClientEvents } from '@drivebay/api-types';
import { AllocationIndex, type Inventory } from '@drivebay/composer';
import express from 'express';
import { Server } from 'socket.io';
import type { OidcLogin } from './auth/oidc/oidc-login.js';
import { oidcRoutes } from './auth/oidc/oidc-routes.js';
import { oidcSignIn } from './auth/oidc-sign-in.js';
import {
  createSecurity,
  defaultSecurityOptions,
  type Security,
  type SecurityOptions,
} from './auth/security.js';
import { socketAuth, socketOriginCheck } from './auth/socket-auth.js';
import { type Clock, createEventIds } from './clock.js';
import { Committer } from './commands/committer.js';
import { IngestCommands } from './commands/ingest.js';
import { pruneJournal } from './commands/journal-retention.js';
import { ClusterIngest } from './commands/kube-ingest.js';
import { type RebuildOptions, RebuildScheduler } from './commands/rebuild-scheduler.js';
import { volumeReaction } from './commands/volume-reaction.js';
import { VolumeCommands } from './commands/volumes.js';
import type { VolumeKeys } from './crypto/volume-keys.js';
import type { FaultInjector } from './embedded/simulated-hardware.js';
import { simulatorRoutes } from './embedded/simulator-routes.js';
import { apiNotFound, errorHandler } from './http/errors.js';
import { auditRoutes } from './http/routes/audit.js';
import { authRoutes } from './http/routes/auth.js';
import { eventRoutes } from './http/routes/events.js';
import { healthRoutes } from './http/routes/health.js';
import { incidentRoutes } from './http/routes/incident.js';
import { kubernetesRoutes } from './http/routes/kubernetes.js';
import { metricsRoutes } from './http/routes/metrics.js';
import { topologyRoutes } from './http/routes/topology.js';
import { userRoutes } from './http/routes/users.js';
import { volumeRoutes } from './http/routes/volumes.js';
import { securityHeaders } from './http/security-headers.js';
import { webRoutes } from './http/static.js';
import { defaultHubOptions, type HubOptions, LiveHub } from './live/hub.js';
import { incidentRoom } from './live/incident-room.js';
import { attachLiveNamespace, socketFanout } from './live/live-namespace.js';
import type { Logger } from './log.js';
import { defaultMetricsOptions, type MetricsOptions, MetricsSampler } from './metrics/metrics-sampler.js';
import type { SiteState } from './metrics/site-figures.js';
import type { HardwareSource } from './sources/hardware.js';
import { type ClusterLease, LocalLease } from './sources/kubernetes/lease.js';
import {
  defaultPodwatcherOptions,
  Podwatcher,
  type PodwatcherOptions,
  type WatchTarget,
} from './sources/kubernetes/podwatcher.js';
import { incidentStateOf } from './state/incident-view.js';
import { StoreMirror } from './state/mirror.js';
import { StoreWriter } from './state/store-writer.js';
import type { StateStore } from './store/types.js';
import { SnapshotCache } from './topology/snapshot.js';

export interface AppDependencies {
  store: StateStore;
  clock: Clock;
  log: Logger;
  /** Builds the hardware source once the stored inventory is loaded (the simulator resumes from it). */
  hardware: (restored: Inventory) => HardwareSource;
  /** Fault injection, when the hardware is simulated: its routes exist only then. */
  faults?: FaultInjector;
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
  /** Newest audit records kept. */
  retainAudit?: number;
  /** Sessions, lockout, origins, password cost; defaults are the production ones. */
  security?: Partial<SecurityOptions>;
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** OpenID Connect sign-in, when configured. */
  oidcLogin?: OidcLogin;
  /** How often the site's figures are recorded for the charts, and how many samples are kept. */
  metrics?: Partial<MetricsOptions>;
  /** Who may watch each cluster; a single replica holds every lease. */
  clusterLease?: ClusterLease;
  podwatcher?: Partial<PodwatcherOptions>;
}

export interface App {
  http: HttpServer;
  /** Users, sessions, tokens, the audit trail and the access table of every API route. */
  security: Security;
  /** The mirrored inventory (read-only), e.g. for seeding a simulated cluster with the site's servers. */
  inventory(): Inventory;
  /** The CSI-shaped volume lifecycle, for the simulated cluster's provisioner, attacher and kubelet. */
  csi: VolumeCommands;
  /**
   * Starts a podwatcher for a cluster (after start()). It runs once this replica holds the
   * cluster's lease; the promise resolves then.
   */
  watch(target: WatchTarget): Promise<Podwatcher>;
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
  const mirror = new StoreMirror(store, [allocations], log);
  const writer = new StoreWriter(store);
  const eventIds = createEventIds(clock);
  const securityOptions = { ...defaultSecurityOptions, ...deps.security, secure: deps.tls !== undefined };
  const security = createSecurity(store, writer, mirror, clock, eventIds, securityOptions, log);
  const committer = new Committer(store, mirror, clock, eventIds, security.audit);
  const ingest = new IngestCommands(committer, mirror, volumeReaction(mirror));
  const volumes = new VolumeCommands(committer, mirror, store, allocations, deps.volumeKeys);
  const rebuilds = new RebuildScheduler(
    committer,
    mirror,
    allocations,
    { ...defaultRebuildOptions, ...deps.rebuild },
    log,
  );
  const metricsOptions = { ...defaultMetricsOptions, ...deps.metrics };
  const metricsHistory = mirror.metrics;
  const siteState = (): SiteState => ({
    inventory: mirror.inventory,
    allocations,
    volumes: mirror.volumes.volumes,
    newestEvents: () => mirror.events.newestFirst(),
    revision: mirror.revision,
  });
  const sampler = new MetricsSampler(writer, metricsHistory, siteState, clock, metricsOptions, log);
  const snapshots = new SnapshotCache(() => ({ inventory: mirror.inventory, revision: mirror.revision }));
  const podwatchers: Podwatcher[] = [];
  const clusterLease = deps.clusterLease ?? new LocalLease();
  let hardware: HardwareSource | undefined;
  let ready = false;
  let compactor: NodeJS.Timeout | undefined;

  const { table } = security;
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(securityOptions.secure));
  app.use(healthRoutes(() => ({ ready, revision: mirror.revision, feedError: mirror.error })));
  app.use(
    '/api/v1',
    ...security.chain,
    authRoutes(table, {
      signIn: security.signIn,
      sessions: security.sessions,
      users: security.users,
      audit: security.audit,
      cookies: security.cookies,
      config: { oidc: { enabled: deps.oidcLogin !== undefined, label: deps.oidcLogin?.config.label ?? '' } },
    }),
    userRoutes(table, security.users, security.tokens, security.lockout),
    auditRoutes(table, mirror.audit),
    topologyRoutes(table, snapshots, () => mirror.inventory),
    ...(deps.faults ? [simulatorRoutes(table, deps.faults)] : []),
    eventRoutes(table, mirror.events),
    incidentRoutes(
      table,
      () => incidentStateOf(mirror),
      () => clock.now(),
    ),
    volumeRoutes(table, volumes),
    kubernetesRoutes(table, () => ({
      kube: mirror.kube,
      volumes: mirror.volumes,
      inventory: mirror.inventory,
    })),
    metricsRoutes(table, siteState, metricsHistory, metricsOptions.intervalMs),
    ...(deps.oidcLogin ? [oidcRoutes(deps.oidcLogin, oidcSignIn(security), log, table)] : []),
    apiNotFound,
  );
  app.use(webRoutes(deps.webRoot));
  app.use(errorHandler(log));

  const http = deps.tls ? createHttpsServer(deps.tls, app) : createServer(app);
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, {
    serveClient: false,
    // Clients send only small subscribe requests; anything bigger is an attack or a bug.
    maxHttpBufferSize: 16 * 1024,
    allowRequest: socketOriginCheck(security.originAllowed),
  });
  const authenticateSocket = socketAuth(security.authenticator, security.cookies, security.sockets);
  io.use(authenticateSocket);
  io.of(LIVE_NAMESPACE).use(authenticateSocket);
  const hub = new LiveHub(store, mirror, { ...defaultHubOptions, ...deps.hub }, socketFanout(io), [
    incidentRoom(() => incidentStateOf(mirror)),
  ]);
  attachLiveNamespace(io, hub);
  let socketSweep: NodeJS.Timeout | undefined;

  return {
    http,
    security,
    inventory: () => mirror.inventory,
    csi: volumes,
    async watch(target) {
      const options = { ...defaultPodwatcherOptions, ...deps.podwatcher };
      const ingest = new ClusterIngest(target, committer, mirror, { chunk: options.chunk });
      const podwatcher = new Podwatcher(target, { ingest, mirror, lease: clusterLease, clock, log }, options);
      podwatchers.push(podwatcher);
      await podwatcher.start();
      return podwatcher;
    },
    async start() {
      const retired = await writer.clearRetired();
      if (retired > 0) log.info('deleted records an earlier version left', { keys: retired });
      await mirror.start();
      hub.start();
      hardware = deps.hardware(mirror.inventory);
      await hardware.start((observation) => ingest.observe(observation, `hardware:${hardware?.name}`));
      compactor = startCompactor(
        store,
        writer,
        {
          revisions: deps.retainRevisions ?? 10_000,
          events: deps.retainEvents ?? 100_000,
          audit: deps.retainAudit ?? 1_000_000,
          mirror,
        },
        log,
      );
      rebuilds.start();
      sampler.start();
      // A first point at once, so a fresh site's charts are not empty for a minute.
      await sampler
        .sample()
        .catch((error: unknown) => log.warn('metrics sample failed', { error: String(error) }));
      socketSweep = setInterval(() => {
        security.sockets
          .sweep()
          .catch((error: unknown) => log.warn('socket sweep failed', { error: String(error) }));
      }, 5_000);
      socketSweep.unref();
      ready = true;
      log.info('ready', { revision: mirror.revision, drives: mirror.inventory.drives.size });
    },
    async close() {
      ready = false;
      if (compactor) clearInterval(compactor);
      if (socketSweep) clearInterval(socketSweep);
      rebuilds.stop();
      sampler.stop();
      await Promise.all(podwatchers.map((p) => p.stop()));
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
  writer: StoreWriter,
  retain: { revisions: number; events: number; audit: number; mirror: StoreMirror },
  log: Logger,
): NodeJS.Timeout {
  const timer = setInterval(async () => {
    try {
      const events = await pruneJournal(writer, retain.mirror.events, 'events', retain.events);
      const audit = await pruneJournal(writer, retain.mirror.audit, 'audit', retain.audit);
      if (events + audit > 0) log.info('history pruned', { events, audit });
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
