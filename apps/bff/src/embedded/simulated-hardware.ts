import type { FaultRequest, FaultResult } from '@drivebay/api-types';
import type { Inventory } from '@drivebay/composer';
import { resumeSimulatedSite, type SimLog, type SimulatedSite, SimulatorError } from '@drivebay/simulation';
import { CommandError } from '../commands/errors.js';
import type { Instruments } from '../metrics/prometheus/instruments.js';
import type { HardwareSource } from '../sources/hardware.js';

/** Breaks simulated hardware on request: only a simulated site has one. */
export interface FaultInjector {
  inject(fault: FaultRequest): Promise<FaultResult>;
}

export interface SimulatedHardware {
  /** The hardware source the app starts once the stored inventory is loaded (the site resumes from it). */
  source(restored: Inventory, instruments?: Instruments): HardwareSource;
  /** Fault injection into that site, for the simulator routes and `npm run fault`. */
  faults: FaultInjector;
  /** The site reports its faults later (over Redfish): the fault route waits for them to be committed. */
  asynchronous?: boolean;
}

/**
 * The embedded default's hardware: the simulation's site, reporting through the same ingest a
 * real source uses. Its fault control stays beside it, outside the HardwareSource interface.
 */
export function simulatedHardware(
  options: { scale: 'small' | 'large'; seed: number; replacementSeed: number },
  log: SimLog,
): SimulatedHardware {
  let site: SimulatedSite | undefined;
  return {
    source(restored) {
      const resumed = resumeSimulatedSite(restored, options, log);
      site = resumed;
      return {
        name: 'simulator',
        start: (sink) => resumed.start(sink),
        stop: () => resumed.stop(),
        async setIndicator({ kind, id }, on) {
          const enclosureId = kind === 'enclosure' ? id : resumed.enclosureOf(id);
          if (!enclosureId)
            throw new CommandError('NOT_FOUND', `drive "${id}" is not in the simulated site`, 'id');
          try {
            resumed.setLocate(kind === 'drive' ? { enclosureId, driveId: id } : { enclosureId }, on);
          } catch (error) {
            if (error instanceof SimulatorError) throw new CommandError(error.code, error.message, 'id');
            throw error;
          }
        },
      };
    },
    faults: {
      async inject(fault) {
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
