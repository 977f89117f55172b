import { ClusterIngest } from '../../commands/kube-ingest.js';
import { kubernetesRoutes } from '../../http/routes/kubernetes.js';
import { LocalLease } from '../../sources/kubernetes/lease.js';
import { defaultPodwatcherOptions, Podwatcher } from '../../sources/kubernetes/podwatcher.js';
import { defineModule } from '../module.js';
import { services } from '../services.js';

/**
 * Kubernetes: a podwatcher per watched cluster (each reporting to its cluster's ingest command,
 * while this replica holds the cluster's lease) and the workloads, pods, claims and nodes routes.
 */
export const kubernetesModule = defineModule({
  name: 'kubernetes',
  deps: {
    committer: services.committer,
    mirror: services.mirror,
    clock: services.clock,
    log: services.log,
    config: services.config,
    security: services.security,
    api: services.api,
    instruments: services.instruments,
  },
  provides: { clusterWatch: services.clusterWatch },
  init({ committer, mirror, clock, log, config, security, api, instruments }, lifecycle) {
    api.add(
      kubernetesRoutes(security.table, () => ({
        kube: mirror.kube,
        volumes: mirror.volumes,
        inventory: mirror.inventory,
      })),
    );
    const lease = config.clusterLease ?? new LocalLease();
    const podwatchers: Podwatcher[] = [];
    lifecycle.onStop(async () => {
      await Promise.all(podwatchers.map((p) => p.stop()));
    });
    return {
      async clusterWatch(target) {
        const options = { ...defaultPodwatcherOptions, ...config.podwatcher };
        const ingest = new ClusterIngest(target, committer, mirror, { chunk: options.chunk });
        const podwatcher = new Podwatcher(target, { ingest, mirror, lease, clock, log }, options);
        podwatchers.push(podwatcher);
        instruments.followPodwatcher(target.id, () => podwatcher.informerStats());
        await podwatcher.start();
        return podwatcher;
      },
    };
  },
});
