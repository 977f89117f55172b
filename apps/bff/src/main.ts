import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstAdminModule, firstAdminRef } from './app/modules/first-admin-module.js';
import { redfishHardwareModule } from './app/modules/redfish-hardware-module.js';
import { createApp } from './app.js';
import { defaultLockoutPolicy } from './auth/lockout.js';
import { loadOidcConfig } from './auth/oidc/oidc-config.js';
import { OidcLogin } from './auth/oidc/oidc-login.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig, usage } from './config.js';
import { VolumeKeys } from './crypto/volume-keys.js';
import { redfishSimulatedHardware } from './embedded/redfish-simulated-hardware.js';
import { simulatedClusterModule, simulatedClusterRef } from './embedded/simulated-cluster-module.js';
import { simulatedHardwareModule } from './embedded/simulated-hardware-module.js';
import { checkListenAddress, listenError } from './http/port-probe.js';
import { createLogger } from './log.js';
import { resolveClusters } from './sources/kubernetes/cluster-config.js';
import { redfishConfigured, redfishSourceFactory } from './sources/redfish/index.js';
import { openConfiguredStore } from './store/open-store.js';

/** The embedded default: one process, SQLite under the data dir, the simulated site over Redfish. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage());
    return;
  }
  const config = loadConfig(argv, process.env);
  const log = createLogger(config.logLevel);
  // Which clusters to watch is checked before anything starts: a wrong context name stops here.
  const clusters = resolveClusters({
    kubeconfigs: config.kubeconfigs,
    contexts: config.contexts,
    inCluster: config.inCluster,
    env: process.env,
  });
  // OIDC reads the environment only: a client secret given as a flag would show in `ps`.
  const oidcConfig = loadOidcConfig(process.env);
  const oidcLogin = oidcConfig
    ? await OidcLogin.discover(oidcConfig, { now: () => systemClock.now().getTime() })
    : undefined;
  await checkListenAddress(config.host, config.port);
  const store = await openConfiguredStore(config.store, config.dataDir);
  // Replacement serials are seeded by the clock so that they never repeat across restarts.
  // Named Redfish services are the hardware; without any, the simulated site, served over Redfish
  // on loopback and discovered by the same source, so the embedded default runs the real path.
  const realHardware = redfishConfigured(config);
  const hardware = redfishSimulatedHardware(
    { scale: config.scale, seed: config.seed, replacementSeed: Date.now() },
    log,
  );
  const app = createApp({
    store,
    clock: systemClock,
    log,
    dataDir: config.dataDir,
    webRoot: config.webRoot,
    volumeKeys: VolumeKeys.open({
      secretFile: join(config.dataDir, 'site-secret'),
      secretFromEnv: process.env.DRIVEBAY_SITE_SECRET,
    }),
    rebuild: { bytesPerSecond: config.rebuildRate },
    retainEvents: config.retainEvents,
    // A week of samples whatever the interval.
    metrics: {
      intervalMs: config.metricsIntervalSeconds * 1000,
      retain: Math.ceil((7 * 86_400) / config.metricsIntervalSeconds),
    },
    ...(config.metricsListen ? { metricsListen: config.metricsListen } : {}),
    ...(oidcLogin ? { oidcLogin } : {}),
    security: {
      allowedOrigins: config.allowedOrigins,
      session: { idleMs: config.sessionIdleMinutes * 60_000, absoluteMs: config.sessionMaxHours * 3_600_000 },
      lockout: {
        ...defaultLockoutPolicy,
        accountFailures: config.lockoutFailures,
        lockMs: config.lockoutMinutes * 60_000,
      },
    },
    ...(config.tlsCert
      ? { tls: { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) } }
      : {}),
    modules: [
      firstAdminModule(config.dataDir),
      realHardware
        ? redfishHardwareModule(redfishSourceFactory(config, process.env, log))
        : simulatedHardwareModule(hardware),
      // Without a kubeconfig, the embedded default's simulated cluster, watched like a real one.
      ...(clusters === 'simulator'
        ? [simulatedClusterModule({ port: config.kubeSimPort, workloads: config.simulatedWorkloads })]
        : []),
    ],
  });
  await new Promise<void>((resolve, reject) => {
    app.http.once('error', (error: NodeJS.ErrnoException) =>
      reject(listenError(error, config.host, config.port)),
    );
    app.http.listen(config.port, config.host, () => resolve());
  });
  const address = app.http.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `${config.tlsCert ? 'https' : 'http'}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.info('listening', { url, dataDir: config.dataDir, scale: config.scale });
  await app.start();
  if (clusters !== 'simulator') {
    for (const target of clusters) {
      log.info('watching cluster', { cluster: target.id, context: target.context, server: target.server });
      void app.watch(target);
    }
  }
  const kube = clusters === 'simulator' ? app.get(simulatedClusterRef).url() : undefined;
  const kubeLine = kube
    ? `  Kubernetes (simulated): ${kube}  e.g. kubectl --server ${kube} get pods -A -o wide`
    : `  Kubernetes: ${clusters === 'simulator' ? '' : clusters.map((c) => `${c.id} (${c.server})`).join(', ')}`;
  const admin = app.get(firstAdminRef).created();
  const signInHelp = admin
    ? `  sign in: ${admin.username} / ${admin.password}\n           (shown once; also in ${admin.file}, readable only by you; change it under Account)`
    : '  sign in: with your account (the first admin password was shown at first start and saved in initial-admin-password in the data dir)';
  console.log(
    `\nDrivebay console: ${url}\n${signInHelp}\n  data: ${config.dataDir}\n  site: ${realHardware ? `Redfish: ${config.redfish.join(', ') || config.redfishEndpoints}` : `simulated, ${config.scale}, served over Redfish at ${hardware.url() ?? '(not started)'}`}\n${kubeLine}\n`,
  );

  const shutdown = async (signal: string) => {
    log.info('shutting down', { signal });
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`drivebay: ${error.message}`);
    process.exit(2);
  }
  console.error('drivebay: failed to start:', error);
  process.exit(1);
});
