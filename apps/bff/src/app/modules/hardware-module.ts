import { IngestCommands } from '../../commands/ingest.js';
import { LocateCommands } from '../../commands/locate.js';
import { volumeReaction } from '../../commands/volume-reaction.js';
import { hardwareSourceRoutes } from '../../http/routes/hardware-sources.js';
import { locateRoutes } from '../../http/routes/locate.js';
import type { HardwareSource } from '../../sources/hardware.js';
import { defineModule } from '../module.js';
import { services } from '../services.js';

/**
 * The hardware path: the source (simulated or real, whichever module provides it) reports
 * observations; the ingest decides them through the composer, with what they mean for volumes,
 * and commits them. Locate LEDs are set through the same source.
 */
export const hardwareModule = defineModule({
  name: 'hardware',
  deps: {
    committer: services.committer,
    mirror: services.mirror,
    source: services.hardwareSource,
    security: services.security,
    api: services.api,
    instruments: services.instruments,
  },
  init({ committer, mirror, source, security, api, instruments }, lifecycle) {
    const ingest = new IngestCommands(committer, mirror, volumeReaction(mirror));
    let hardware: HardwareSource | undefined;
    api.add(hardwareSourceRoutes(security.table, () => hardware));
    api.add(locateRoutes(security.table, new LocateCommands(committer, mirror, () => hardware)));
    lifecycle.onStart(async () => {
      const started = source(mirror.inventory, instruments);
      hardware = started;
      await started.start((observation) => ingest.observe(observation, `hardware:${started.name}`));
    });
    lifecycle.onStop(async () => {
      await hardware?.stop();
    });
  },
});
