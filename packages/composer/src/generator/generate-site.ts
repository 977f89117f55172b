import type { InventoryReport } from '@drivebay/api-types';
import { buildInventory } from './build-site.js';
import { planLargeSite } from './large-layout.js';
import { createRandom } from './random.js';
import { planSmallSite } from './small-layout.js';

/** How big a simulated site to build, and from which seed. */
export interface GenerateSiteOptions {
  /** small: a few hundred drives for demos; large: DriveScale's maximum, 100,000 drives and 10,000 servers. */
  scale: 'small' | 'large';
  /** Same seed and scale, same site. Defaults to 1. */
  seed?: number;
}

/** A plausible simulated site, deterministic in its options, with every device healthy. */
export function generateSite(options: GenerateSiteOptions): InventoryReport {
  const { scale, seed = 1 } = options;
  const random = createRandom(seed);
  const plans =
    scale === 'small' ? planSmallSite(random.fork('layout')) : planLargeSite(random.fork('layout'));
  const site = { id: 'site-1', name: `Simulated site (${scale})`, scale };
  return buildInventory(site, plans, random.fork('inventory'));
}
