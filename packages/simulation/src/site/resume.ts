import { generateSite, type Inventory } from '@drivebay/composer';
import type { SimLog } from '../sim-log.js';
import { reportFromInventory, SimulatedSite } from './simulated-site.js';

/**
 * The simulated site for this start: the hardware the store last recorded, so a restart
 * changes nothing physical; a freshly generated site on first start or when the scale changes.
 */
export function resumeSimulatedSite(
  restored: Inventory,
  options: { scale: 'small' | 'large'; seed: number; replacementSeed: number },
  log: SimLog,
): SimulatedSite {
  const previous = reportFromInventory(restored);
  if (previous && previous.site.scale === options.scale)
    return new SimulatedSite(previous, options.replacementSeed);
  if (previous)
    log.warn('replacing the stored simulated site', { from: previous.site.scale, to: options.scale });
  log.info('generating simulated site', { scale: options.scale, seed: options.seed });
  return new SimulatedSite(
    generateSite({ scale: options.scale, seed: options.seed }),
    options.replacementSeed,
  );
}
