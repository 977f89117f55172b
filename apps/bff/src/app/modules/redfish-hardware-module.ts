import { defineModule } from '../module.js';
import type { HardwareSourceFactory } from '../services.js';
import { services } from '../services.js';

/** Real hardware: the Redfish source over the services `--redfish` / `--redfish-endpoints` name. */
export function redfishHardwareModule(factory: HardwareSourceFactory) {
  return defineModule({
    name: 'redfish-hardware',
    deps: {},
    provides: { hardwareSource: services.hardwareSource },
    init() {
      return { hardwareSource: factory };
    },
  });
}
