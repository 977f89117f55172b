import { metricsRoutes } from '../../http/routes/metrics.js';
import { defaultMetricsOptions, MetricsSampler } from '../../metrics/metrics-sampler.js';
import type { SiteState } from '../../metrics/site-figures.js';
import { defineModule } from '../module.js';
import { services } from '../services.js';

/** Capacity now, and the site's figures recorded every interval for the overview's charts. */
export const metricsModule = defineModule({
  name: 'metrics',
  deps: {
    writer: services.writer,
    mirror: services.mirror,
    allocations: services.allocations,
    clock: services.clock,
    log: services.log,
    config: services.config,
    security: services.security,
    api: services.api,
  },
  init({ writer, mirror, allocations, clock, log, config, security, api }, lifecycle) {
    const options = { ...defaultMetricsOptions, ...config.metrics };
    const siteState = (): SiteState => ({
      inventory: mirror.inventory,
      allocations,
      volumes: mirror.volumes.volumes,
      newestEvents: () => mirror.events.newestFirst(),
      revision: mirror.revision,
    });
    const sampler = new MetricsSampler(writer, mirror.metrics, siteState, clock, options, log);
    api.add(metricsRoutes(security.table, siteState, mirror.metrics, options.intervalMs));
    lifecycle.onStart(async () => {
      sampler.start();
      // A first point at once, so a fresh site's charts are not empty for a minute.
      await sampler
        .sample()
        .catch((error: unknown) => log.warn('metrics sample failed', { error: String(error) }));
    });
    lifecycle.onStop(() => sampler.stop());
  },
});
