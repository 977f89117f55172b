import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@drivebay/api-types';
import { type App, createApp } from '../app.js';
import type { OidcLogin } from '../auth/oidc/oidc-login.js';
import type { SecurityOptions } from '../auth/security.js';
import { systemClock } from '../clock.js';
import type { RebuildOptions } from '../commands/rebuild-scheduler.js';
import { VolumeKeys } from '../crypto/volume-keys.js';
import { redfishSimulatedHardware } from '../embedded/redfish-simulated-hardware.js';
import { simulatedHardware } from '../embedded/simulated-hardware.js';
import { simulatedHardwareModule } from '../embedded/simulated-hardware-module.js';
import type { HubOptions } from '../live/hub.js';
import { createLogger, type Logger } from '../log.js';
import type { MetricsOptions } from '../metrics/metrics-sampler.js';
import type { PodwatcherOptions } from '../sources/kubernetes/podwatcher.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import type { StateStore } from '../store/types.js';
import { type Client, signIn, testUsers } from './clients.js';

/** A real app over real HTTP on a free loopback port, with a SQLite store in a temp dir. */
export interface TestApp {
  app: App;
  /** Signed-in clients, one per role (see testUsers). */
  admin: Client;
  operator: Client;
  viewer: Client;
  store: StateStore;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestApp(
  options: {
    dataDir?: string;
    hub?: Partial<HubOptions>;
    rebuild?: Partial<RebuildOptions>;
    security?: Partial<SecurityOptions>;
    /** Listen on this port (0: any free one). */
    port?: number;
    oidcLogin?: OidcLogin;
    metrics?: Partial<MetricsOptions>;
    /** The simulated site reached in-process (default) or over Redfish, as `npm start` does. */
    hardware?: 'in-process' | 'redfish';
    /** Also serve /metrics without authentication here. */
    metricsListen?: { host: string; port: number };
    podwatcher?: Partial<PodwatcherOptions>;
    /** Wraps the SQLite store before the app gets it (a test that breaks the change feed). */
    wrapStore?: (store: StateStore) => StateStore;
    /** Where the app logs (default: nowhere), for a test that checks what is logged. */
    log?: Logger;
  } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'drivebay-app-'));
  const log = options.log ?? createLogger('silent');
  const siteOptions = { scale: 'small' as const, seed: 7, replacementSeed: Date.now() };
  const hardware =
    options.hardware === 'redfish'
      ? redfishSimulatedHardware(siteOptions, log)
      : simulatedHardware(siteOptions, log);
  const sqlite = await openSqliteStore({ path: join(dataDir, 'drivebay.sqlite') });
  const store = options.wrapStore ? options.wrapStore(sqlite) : sqlite;
  const app = createApp({
    store,
    clock: systemClock,
    log,
    dataDir,
    webRoot: join(dataDir, 'no-web-build'),
    volumeKeys: VolumeKeys.open({ secretFile: join(dataDir, 'site-secret') }),
    ...(options.rebuild ? { rebuild: options.rebuild } : {}),
    modules: [simulatedHardwareModule(hardware)],
    ...(options.hub ? { hub: options.hub } : {}),
    // A cheap scrypt cost keeps sign-ins fast in tests; hashes record their cost, so this is safe.
    security: { passwordCost: 2 ** 10, ...options.security },
    ...(options.oidcLogin ? { oidcLogin: options.oidcLogin } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.metricsListen ? { metricsListen: options.metricsListen } : {}),
    ...(options.podwatcher ? { podwatcher: options.podwatcher } : {}),
  });
  await new Promise<void>((resolve) => app.http.listen(options.port ?? 0, '127.0.0.1', resolve));
  await app.start();
  const { port } = app.http.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const clients = {} as Record<Role, Client>;
  for (const role of ['viewer', 'operator', 'admin'] as const) {
    const { username, password } = testUsers[role];
    if (!(await app.security.users.get(username))) await app.security.users.create(username, role, password);
    clients[role] = await signIn(url, username, password);
  }
  return {
    app,
    ...clients,
    store,
    dataDir,
    url,
    async stop() {
      await app.close();
      await store.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
