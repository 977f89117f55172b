import type { OidcLogin } from '../auth/oidc/oidc-login.js';
import type { SecurityOptions } from '../auth/security.js';
import type { Clock } from '../clock.js';
import type { RebuildOptions } from '../commands/rebuild-scheduler.js';
import type { VolumeKeys } from '../crypto/volume-keys.js';
import type { HubOptions } from '../live/hub.js';
import type { Logger } from '../log.js';
import type { MetricsOptions } from '../metrics/metrics-sampler.js';
import type { ClusterLease } from '../sources/kubernetes/lease.js';
import type { PodwatcherOptions } from '../sources/kubernetes/podwatcher.js';
import type { StateStore } from '../store/types.js';
import type { AppModule } from './module.js';

/** What the process is given: the store and clock to run on, and each part's options. */
export interface AppDependencies {
  store: StateStore;
  clock: Clock;
  log: Logger;
  /** The data directory, when there is one: the sign-in page names the first admin's password file in it. */
  dataDir?: string;
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
  /** Also serve /metrics without authentication on this address (for a scraper inside the cluster). */
  metricsListen?: { host: string; port: number };
  /** Who may watch each cluster; a single replica holds every lease. */
  clusterLease?: ClusterLease;
  podwatcher?: Partial<PodwatcherOptions>;
  /**
   * The parts that differ between deployments, assembled with the default ones: at least the
   * provider of the hardware source (the simulated site's module in the embedded default).
   */
  modules: readonly AppModule[];
}
