import { SIMULATED_CLUSTER } from '@drivebay/simulation';
import { KubeConfig } from '@kubernetes/client-node';
import type { WatchTarget } from '../sources/kubernetes/podwatcher.js';

/** How the podwatcher reaches the simulated apiserver: a kubeconfig like any other, built in memory. */
export function simulatorTarget(url: string, token?: string): WatchTarget {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: SIMULATED_CLUSTER, server: url, skipTLSVerify: true }],
    users: [{ name: SIMULATED_CLUSTER, ...(token && { token }) }],
    contexts: [{ name: SIMULATED_CLUSTER, cluster: SIMULATED_CLUSTER, user: SIMULATED_CLUSTER }],
    currentContext: SIMULATED_CLUSTER,
  });
  return { id: SIMULATED_CLUSTER, context: SIMULATED_CLUSTER, source: 'simulator', server: url, kubeConfig };
}
