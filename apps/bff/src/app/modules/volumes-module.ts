import { VolumeCommands } from '../../commands/volumes.js';
import { volumeRoutes } from '../../http/routes/volumes.js';
import { defineModule } from '../module.js';
import { services } from '../services.js';

/** The composer's volume lifecycle (CreateVolume … DeleteVolume) and its routes. */
export const volumesModule = defineModule({
  name: 'volumes',
  deps: {
    committer: services.committer,
    mirror: services.mirror,
    store: services.store,
    allocations: services.allocations,
    config: services.config,
    security: services.security,
    api: services.api,
    instruments: services.instruments,
  },
  provides: { volumes: services.volumes },
  init({ committer, mirror, store, allocations, config, security, api, instruments }) {
    const volumes = new VolumeCommands(committer, mirror, store, allocations, config.volumeKeys, instruments);
    api.add(volumeRoutes(security.table, volumes, instruments));
    return { volumes };
  },
});
