import { D3700, DATA24, DATA60, DATA102, type EnclosureModel, EXOS_5U84 } from './catalog.js';
import { type EnclosurePlan, planEnclosure, planRack, type RackPlan } from './plan.js';
import type { Random, Weighted } from './random.js';

/** DriveScale's published maximum for one site. */
export const LARGE_DRIVES = 100_000;
/** DriveScale's published maximum for one site. */
export const LARGE_SERVERS = 10_000;

// 42U racks: two ToR switches leave 40U, i.e. 40 1U servers or a handful of shelves.
const SERVERS_PER_RACK = 40;
const RACKS_PER_ROW = 20;
// Spare bays the site is built with beyond its drives, spread a few per enclosure.
const MIN_EMPTY_BAYS = 200;
const MAX_EMPTY_PER_ENCLOSURE = 4;

const times = (model: EnclosureModel, count: number): EnclosureModel[] => Array(count).fill(model);

// What a storage rack holds; each fits in 40U.
const STORAGE_RACKS: readonly Weighted<readonly EnclosureModel[]>[] = [
  [times(DATA102, 6), 3], // 24U, 612 bays
  [times(DATA60, 8), 3], // 32U, 480 bays
  [times(EXOS_5U84, 6), 2], // 30U, 504 bays
  [times(DATA24, 10), 2], // 20U, 240 bays
  [[...times(D3700, 4), ...times(DATA24, 4), ...times(DATA60, 4)], 1], // 32U, 436 bays
];

function planStorage(random: Random): EnclosurePlan[][] {
  const racks: EnclosurePlan[][] = [];
  let bays = 0;
  while (bays < LARGE_DRIVES + MIN_EMPTY_BAYS) {
    const rack = random.weighted(STORAGE_RACKS).map((model) => planEnclosure(random, model));
    bays += rack.reduce((sum, e) => sum + e.model.bayCount, 0);
    racks.push(rack);
  }
  const enclosures = racks.flat();
  // Leave exactly enough bays empty that the site holds LARGE_DRIVES drives.
  for (let empty = bays - LARGE_DRIVES; empty > 0; ) {
    const enclosure = random.pick(enclosures);
    if (enclosure.emptyBays >= MAX_EMPTY_PER_ENCLOSURE) continue;
    enclosure.emptyBays += 1;
    empty -= 1;
  }
  return racks;
}

/** 10,000 servers and 100,000 drives in rows of compute and storage racks, one power feed per row. */
export function planLargeSite(random: Random): RackPlan[] {
  const storage = planStorage(random);
  const computeCount = LARGE_SERVERS / SERVERS_PER_RACK;
  const total = computeCount + storage.length;
  const feeds = random.int(4, 8);
  const racks: RackPlan[] = [];
  let storageIndex = 0;
  for (let i = 0; i < total; i++) {
    const row = Math.floor(i / RACKS_PER_ROW);
    const rack = planRack(random, row, i % RACKS_PER_ROW, `feed-${(row % feeds) + 1}`);
    // Spread storage racks evenly among compute racks, so every row has both.
    const isStorage = Math.floor(((i + 1) * storage.length) / total) > storageIndex;
    if (isStorage) rack.enclosures = storage[storageIndex++]!;
    else rack.serverCount = SERVERS_PER_RACK;
    racks.push(rack);
  }
  return racks;
}
