import { eventRoutes } from '../../http/routes/events.js';
import { incidentRoutes } from '../../http/routes/incident.js';
import { topologyRoutes } from '../../http/routes/topology.js';
import { incidentRoom } from '../../live/incident-room.js';
import { incidentStateOf } from '../../state/incident-view.js';
import { SnapshotCache } from '../../topology/snapshot.js';
import { defineModule } from '../module.js';
import { services } from '../services.js';

/** What the site looks like and what happened in it: topology snapshots, the event timeline, the incident. */
export const siteRoutesModule = defineModule({
  name: 'site-routes',
  deps: {
    security: services.security,
    mirror: services.mirror,
    api: services.api,
    liveRooms: services.liveRooms,
    clock: services.clock,
  },
  init({ security, mirror, api, liveRooms, clock }) {
    const { table } = security;
    const snapshots = new SnapshotCache(() => ({
      inventory: mirror.inventory,
      revision: mirror.revision,
      locates: () => mirror.locates.all(),
    }));
    api.add(topologyRoutes(table, snapshots, () => mirror.inventory));
    api.add(eventRoutes(table, mirror.events));
    const incident = () => incidentStateOf(mirror);
    api.add(incidentRoutes(table, incident, () => clock.now()));
    liveRooms.addDerived(incidentRoom(incident));
  },
});
