import { defaultHubOptions, LiveHub } from '../../live/hub.js';
import { attachLiveNamespace, socketFanout } from '../../live/live-namespace.js';
import { defineModule } from '../module.js';
import { services } from '../services.js';

/** The live hub on socket.io's /live namespace: rooms fed by the mirror, derived rooms added by areas. */
export const liveModule = defineModule({
  name: 'live',
  deps: {
    store: services.store,
    mirror: services.mirror,
    io: services.io,
    config: services.config,
    instruments: services.instruments,
  },
  provides: { liveRooms: services.liveRooms },
  init({ store, mirror, io, config, instruments }, lifecycle) {
    const hub = new LiveHub(
      store,
      mirror,
      { ...defaultHubOptions, ...config.hub },
      socketFanout(io, instruments),
    );
    attachLiveNamespace(io, hub);
    lifecycle.onStart(() => hub.start());
    lifecycle.onStop(() => hub.stop());
    return { liveRooms: { addDerived: (room) => hub.addDerivedRoom(room) } };
  },
});
