import type { Server as HttpServer } from 'node:http';
import type { Inventory } from '@drivebay/composer';
import { assemble } from './app/assemble.js';
import type { AppDependencies } from './app/dependencies.js';
import type { ServiceRef } from './app/module.js';
import { hardwareModule } from './app/modules/hardware-module.js';
import { httpModule } from './app/modules/http-module.js';
import { kubernetesModule } from './app/modules/kubernetes-module.js';
import { liveModule } from './app/modules/live-module.js';
import { metricsModule } from './app/modules/metrics-module.js';
import { prometheusModule } from './app/modules/prometheus-module.js';
import { rebuildModule } from './app/modules/rebuild-module.js';
import { retentionModule } from './app/modules/retention-module.js';
import { securityModule } from './app/modules/security-module.js';
import { securityRoutesModule } from './app/modules/security-routes-module.js';
import { siteRoutesModule } from './app/modules/site-routes-module.js';
import { stateModule } from './app/modules/state-module.js';
import { volumesModule } from './app/modules/volumes-module.js';
import { type Readiness, services } from './app/services.js';
import type { Security } from './auth/security.js';
import type { VolumeCommands } from './commands/volumes.js';
import { PrometheusInstruments } from './metrics/prometheus/instruments.js';
import type { Podwatcher, WatchTarget } from './sources/kubernetes/podwatcher.js';

export type { AppDependencies } from './app/dependencies.js';

export interface App {
  http: HttpServer;
  /** A service of any module, e.g. one a given module provides. */
  get<T>(ref: ServiceRef<T>): T;
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

/**
 * The parts every deployment has, in the order they start (each also after what it needs):
 * the state, security and the edge first, then the areas, then what acts on the state.
 */
const defaultModules = [
  stateModule,
  securityModule,
  httpModule,
  liveModule,
  securityRoutesModule,
  siteRoutesModule,
  volumesModule,
  kubernetesModule,
];
/** Started once the hardware has reported: the rebuilds, the first metrics sample, retention. */
const laterModules = [hardwareModule, rebuildModule, metricsModule, prometheusModule, retentionModule];

/** The composition root: assembles the modules over the store, clock and options it is given. */
export function createApp(deps: AppDependencies): App {
  const readiness: Readiness = { ready: false };
  const root = new Map<string, unknown>([
    [services.store.id, deps.store],
    [services.clock.id, deps.clock],
    [services.log.id, deps.log],
    // One set per process: every module measures into it, the Prometheus module serves it.
    [services.instruments.id, new PrometheusInstruments()],
    [services.config.id, deps],
    [services.readiness.id, readiness],
  ]);
  // Given modules come last; each is still initialised after the providers of what it needs.
  const assembly = assemble([...defaultModules, ...laterModules, ...deps.modules], root);
  const mirror = assembly.get(services.mirror);
  return {
    http: assembly.get(services.http),
    get: (ref) => assembly.get(ref),
    security: assembly.get(services.security),
    inventory: () => mirror.inventory,
    csi: assembly.get(services.volumes),
    watch: (target) => assembly.get(services.clusterWatch)(target),
    async start() {
      await assembly.start();
      readiness.ready = true;
      deps.log.info('ready', { revision: mirror.revision, drives: mirror.inventory.drives.size });
    },
    async close() {
      readiness.ready = false;
      await assembly.stop();
    },
  };
}
