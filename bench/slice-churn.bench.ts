// Slice fragmentation under churn at DriveScale's maximum (100,000 drives): seeded random slice
// volumes (1–512 GiB, a few mirrored) are composed and deleted in random order until 30,000
// operations have run, and the fragmentation best fit leaves is printed (1 − Σ largest gap / Σ
// free over the SSDs holding slices; 0 = every SSD's free space is one extent).
// Run: npx vitest bench --run --config bench/vitest.bench.config.ts bench/slice-churn.bench.ts
import { VolumeRequestSchema } from '@drivebay/api-types';
import { createRandom, generateSite, Inventory, reconcileInventory } from '@drivebay/composer';
import { bench, describe } from 'vitest';
import {
  AllocationIndex,
  capacityByTier,
  planPlacement,
  siteSliceFragmentation,
} from '../packages/composer/src/volumes/placement/index.js';

const GiB = 1024 ** 3;
const OPERATIONS = 30_000;
const site = new Inventory();
const context = { actor: 'bench', now: '2026-11-22T00:00:00.000Z', nextEventId: () => 'ev-bench' };
for (const change of reconcileInventory(site, generateSite({ scale: 'large', seed: 1 }), context).changes)
  site.apply(change);

const random = createRandom(42);
const allocations = new AllocationIndex();
const live: string[] = [];
let serial = 0;
let refused = 0;
const started = performance.now();
for (let op = 0; op < OPERATIONS; op++) {
  // Grow to ~8,000 live volumes, then hover there: deletes as likely as creates.
  const create = live.length < 2_000 || random.chance(live.length < 8_000 ? 0.7 : 0.5);
  if (!create) {
    const at = random.int(0, live.length - 1);
    allocations.remove(live[at]!);
    live[at] = live.at(-1)!;
    live.pop();
    continue;
  }
  serial += 1;
  const request = VolumeRequestSchema.parse({
    name: `pvc-${serial}`,
    capacityBytes: random.int(1, 512) * GiB,
    parameters: { type: 'slice', redundancy: random.chance(0.2) },
  });
  const plan = planPlacement(site, allocations, request);
  if (!plan.ok) {
    refused += 1;
    continue;
  }
  const id = `vol-${serial}`;
  allocations.put({ id, capacityBytes: plan.value.capacityBytes, members: plan.value.members });
  live.push(id);
}
const seconds = (performance.now() - started) / 1000;
const fragmentation = siteSliceFragmentation(site, allocations);
const tiers = capacityByTier(site, allocations);
console.log(
  `${OPERATIONS} operations in ${seconds.toFixed(2)} s; ${live.length} slice volumes live, ${refused} refused; ` +
    `${fragmentation.drives} SSDs hold slices, ${fragmentation.freeGiB} GiB free on them, ` +
    `fragmentation ${fragmentation.fragmentation.toFixed(3)}; tiers ${JSON.stringify(tiers)}`,
);

describe('slice fragmentation after churn', () => {
  bench('siteSliceFragmentation (reporting, every sliced SSD)', () => {
    siteSliceFragmentation(site, allocations);
  });
});
