import type { FaultRequest } from '@drivebay/api-types';
import { defineModule } from '../app/module.js';
import { services } from '../app/services.js';
import { settleFault } from './fault-settle.js';
import type { SimulatedHardware } from './simulated-hardware.js';
import { simulatorRoutes } from './simulator-routes.js';

/**
 * The embedded default's hardware: the simulated site as the hardware source, and its fault
 * control (POST /api/v1/admin/simulator/faults), which exists only with a simulated site.
 */
export function simulatedHardwareModule(hardware: SimulatedHardware) {
  return defineModule({
    name: 'simulated-hardware',
    deps: { security: services.security, api: services.api, mirror: services.mirror },
    provides: { hardwareSource: services.hardwareSource },
    init({ security, api, mirror }) {
      const faults = hardware.asynchronous
        ? {
            inject: async (fault: FaultRequest) =>
              settleFault(mirror, fault, await hardware.faults.inject(fault)),
          }
        : hardware.faults;
      api.add(simulatorRoutes(security.table, faults));
      return { hardwareSource: hardware.source };
    },
  });
}
