import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { SIMULATED_CLUSTER } from '@drivebay/simulation';
import { defineModule, serviceRef } from '../app/module.js';
import { services } from '../app/services.js';
import { type EmbeddedCsi, startEmbeddedCsi } from './embedded-csi.js';
import { type SimulatedCluster, startSimulatedCluster } from './simulated-cluster.js';

/** The running simulated cluster, once started: where its API answers (for the start banner). */
export const simulatedClusterRef = serviceRef<{ url(): string | undefined }>('simulatedCluster');

/**
 * The embedded default's Kubernetes: a simulated API server seeded with a node per simulated
 * server, its controllers (the CSI sidecars and kubelets among them) running workloads through
 * Drivebay's CSI plugin over gRPC, and the same podwatcher a real cluster gets. It starts after
 * the hardware has reported, so the site's servers exist to be nodes, and after the server
 * listens, since the plugin is a client of its HTTP API.
 */
export function simulatedClusterModule(options: { port: number; workloads: boolean }) {
  return defineModule({
    name: 'simulated-cluster',
    deps: {
      mirror: services.mirror,
      clusterWatch: services.clusterWatch,
      security: services.security,
      http: services.http,
      config: services.config,
      log: services.log,
    },
    provides: { cluster: simulatedClusterRef },
    init({ mirror, clusterWatch, security, http, config, log }, lifecycle) {
      let cluster: SimulatedCluster | undefined;
      let csi: EmbeddedCsi | undefined;
      lifecycle.onStart(async () => {
        csi = await startEmbeddedCsi({
          url: ownUrl(http.address() as AddressInfo | null, config.tls !== undefined),
          dataDir: config.dataDir ?? tmpdir(),
          cluster: SIMULATED_CLUSTER,
          security,
          ca: config.tls ? String(config.tls.cert) : undefined,
          log,
        });
        cluster = await startSimulatedCluster({
          port: options.port,
          workloads: options.workloads,
          servers: () => mirror.inventory.servers.values(),
          csi: csi.driver,
          log,
        });
        // The podwatcher runs once it holds the cluster's lease; the start does not wait for it.
        void clusterWatch(cluster.target);
      });
      lifecycle.onStop(async () => {
        await cluster?.close();
        await csi?.close();
      });
      return { cluster: { url: () => cluster?.url } };
    },
  });
}

/** This server as a local client reaches it: loopback for a wildcard listen address. */
function ownUrl(address: AddressInfo | null, tls: boolean): string {
  if (!address) throw new Error('the HTTP server must listen before the embedded CSI plugin starts');
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${tls ? 'https' : 'http'}://${host}:${address.port}`;
}
