import { defineModule } from '../app/module.js';
import { services } from '../app/services.js';
import type { SimulatedHardware } from './simulated-hardware.js';
import { simulatorRoutes } from './simulator-routes.js';

/**
 * The embedded default's hardware: the simulated site as the hardware source, and its fault
 * control (POST /api/v1/admin/simulator/faults), which exists only with a simulated site.
 */
export function simulatedHardwareModule(hardware: SimulatedHardware) {
  return defineModule({
    name: 'simulated-hardware',
    deps: { security: services.security, api: services.api },
    provides: { hardwareSource: services.hardwareSource },
    init({ security, api }) {
      api.add(simulatorRoutes(security.table, hardware.faults));
      return { hardwareSource: hardware.source };
    },
  });
}
