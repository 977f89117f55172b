import type { Server } from '@drivebay/api-types';
import {
  ClusterSim,
  type CsiDriver,
  defaultClusterSimOptions,
  SIMULATED_WORKLOADS,
  type SimLog,
  seedSimulatedCluster,
  startKubeApiSimulator,
} from '@drivebay/simulation';
import type { WatchTarget } from '../sources/kubernetes/podwatcher.js';
import { simulatorTarget } from './simulator-target.js';

/** The embedded default's Kubernetes cluster, running, and how the podwatcher reaches it. */
export interface SimulatedCluster {
  url: string;
  target: WatchTarget;
  close(): Promise<void>;
}

/**
 * A real Kubernetes API on loopback with a node for every simulated server and, unless turned
 * off, workloads on Drivebay volumes provisioned, attached and mounted through the CSI plugin's
 * gRPC services; the podwatcher watches it exactly as it watches a real cluster.
 */
export async function startSimulatedCluster(options: {
  port: number;
  workloads: boolean;
  servers: () => Iterable<Server>;
  csi: CsiDriver;
  log: SimLog;
}): Promise<SimulatedCluster> {
  const kube = await startKubeApiSimulator({ port: options.port });
  seedSimulatedCluster(kube.store, [...options.servers()]);
  const controllers = new ClusterSim(kube.store, options.csi, options.servers, options.log, {
    ...defaultClusterSimOptions,
    workloads: options.workloads ? SIMULATED_WORKLOADS : [],
  });
  controllers.start();
  return {
    url: kube.url,
    target: simulatorTarget(kube.url),
    async close() {
      controllers.stop();
      await kube.close();
    },
  };
}
