import { defineModule, serviceRef } from '../app/module.js';
import { services } from '../app/services.js';
import { type SimulatedCluster, startSimulatedCluster } from './simulated-cluster.js';

/** The running simulated cluster, once started: where its API answers (for the start banner). */
export const simulatedClusterRef = serviceRef<{ url(): string | undefined }>('simulatedCluster');

/**
 * The embedded default's Kubernetes: a simulated API server seeded with a node per simulated
 * server, its controllers running workloads through the composer's CSI lifecycle, and the same
 * podwatcher a real cluster gets. It starts after the hardware has reported, so the site's
 * servers exist to be nodes.
 */
export function simulatedClusterModule(options: { port: number; workloads: boolean }) {
  return defineModule({
    name: 'simulated-cluster',
    deps: {
      volumes: services.volumes,
      mirror: services.mirror,
      clusterWatch: services.clusterWatch,
      log: services.log,
    },
    provides: { cluster: simulatedClusterRef },
    init({ volumes, mirror, clusterWatch, log }, lifecycle) {
      let cluster: SimulatedCluster | undefined;
      lifecycle.onStart(async () => {
        cluster = await startSimulatedCluster({
          port: options.port,
          workloads: options.workloads,
          servers: () => mirror.inventory.servers.values(),
          csi: volumes,
          log,
        });
        // The podwatcher runs once it holds the cluster's lease; the start does not wait for it.
        void clusterWatch(cluster.target);
      });
      lifecycle.onStop(async () => {
        await cluster?.close();
      });
      return { cluster: { url: () => cluster?.url } };
    },
  });
}
