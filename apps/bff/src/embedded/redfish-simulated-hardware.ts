import { randomBytes } from 'node:crypto';
import type { FaultRequest } from '@drivebay/api-types';
import type { Inventory } from '@drivebay/composer';
import { RedfishSiteService, resumeSimulatedSite, SimulatorError } from '@drivebay/simulation';
import { CommandError } from '../commands/errors.js';
import type { Logger } from '../log.js';
import type { Instruments } from '../metrics/prometheus/instruments.js';
import type { HardwareSource } from '../sources/hardware.js';
import { RedfishHardwareSource } from '../sources/redfish/index.js';
import type { SimulatedHardware } from './simulated-hardware.js';

/**
 * The embedded default's hardware as a real site's is reached: the simulated site served by the
 * simulation's Redfish service on loopback (its own generated credentials), discovered and
 * followed (SSE) by the production Redfish source. A fault changes the site; the route answers once
 * the source has reported the change and it is committed (see settle), so `npm run fault` and the
 * tests see the same revision they would in-process.
 */
export function redfishSimulatedHardware(
  options: { scale: 'small' | 'large'; seed: number; replacementSeed: number },
  log: Logger,
): SimulatedHardware & { readonly url: () => string | undefined } {
  let site: ReturnType<typeof resumeSimulatedSite> | undefined;
  let url: string | undefined;
  return {
    url: () => url,
    asynchronous: true,
    source(restored: Inventory, instruments?: Instruments): HardwareSource {
      const resumed = resumeSimulatedSite(restored, options, log);
      site = resumed;
      const credentials = { userName: 'drivebay', password: randomBytes(18).toString('base64url') };
      const service = new RedfishSiteService(resumed, { credentials });
      let redfish: RedfishHardwareSource | undefined;
      return {
        name: 'redfish',
        async start(sink) {
          await resumed.start();
          url = (await service.start({ host: '127.0.0.1', port: 0 })).url;
          log.info('simulated site served over Redfish', { url });
          redfish = new RedfishHardwareSource({
            endpoints: [
              { url, credentials: { username: credentials.userName, password: credentials.password } },
            ],
            site: { id: 'site', name: 'Discovered site' },
            log,
            restored,
            instruments,
          });
          await redfish.start(sink);
        },
        status: () => redfish?.status() ?? [],
        enclosureSource: (id) => redfish?.enclosureSource(id),
        async setIndicator(target, on) {
          if (!redfish)
            throw new CommandError('UNAVAILABLE', 'the simulated site is not discovered yet; retry');
          await redfish.setIndicator(target, on);
        },
        async stop() {
          await redfish?.stop();
          await service.stop();
          await resumed.stop();
        },
      };
    },
    faults: {
      async inject(fault: FaultRequest) {
        if (!site) throw new CommandError('UNAVAILABLE', 'the simulated site is not running yet; retry');
        try {
          return await site.inject(fault);
        } catch (error) {
          if (error instanceof SimulatorError) throw new CommandError(error.code, error.message, error.field);
          throw error;
        }
      },
    },
  };
}
