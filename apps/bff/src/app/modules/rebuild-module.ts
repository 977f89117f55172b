import { type RebuildOptions, RebuildScheduler } from '../../commands/rebuild-scheduler.js';
import { defineModule } from '../module.js';
import { services } from '../services.js';

/** Rebuilds copy at a simulated 1 GB/s, so a 100 GiB slice rebuilds in under two minutes. */
const defaultRebuildOptions: RebuildOptions = { bytesPerSecond: 1e9, intervalMs: 1_000 };

/** Replaces failed members and advances rebuilds, pass by pass. */
export const rebuildModule = defineModule({
  name: 'rebuild',
  deps: {
    committer: services.committer,
    mirror: services.mirror,
    allocations: services.allocations,
    config: services.config,
    log: services.log,
  },
  init({ committer, mirror, allocations, config, log }, lifecycle) {
    const rebuilds = new RebuildScheduler(
      committer,
      mirror,
      allocations,
      { ...defaultRebuildOptions, ...config.rebuild },
      log,
    );
    lifecycle.onStart(() => rebuilds.start());
    lifecycle.onStop(() => rebuilds.stop());
  },
});
