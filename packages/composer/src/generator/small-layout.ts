import { D3700, DATA24, DATA60, DATA102, type EnclosureModel, EXOS_5U84 } from './catalog.js';
import { type EnclosurePlan, planEnclosure, plannedDrives, planRack, type RackPlan } from './plan.js';
import type { Random, Weighted } from './random.js';

const MIN_DRIVES = 300;
const MAX_DRIVES = 500;
const MAX_ATTEMPTS = 1000;

// One of each kind of shelf, so a small site always has HDDs, fast HDDs and flash.
const REQUIRED: readonly EnclosureModel[] = [DATA60, D3700, DATA24];
const EXTRA: readonly Weighted<EnclosureModel>[] = [
  [DATA60, 3],
  [DATA24, 3],
  [DATA102, 1],
  [EXOS_5U84, 1],
  [D3700, 1],
];

function pickEnclosures(random: Random): EnclosurePlan[] {
  // Rejection sampling: almost every draw lands in range within a few attempts.
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const count = random.int(6, 10);
    const models = [...REQUIRED];
    while (models.length < count) models.push(random.weighted(EXTRA));
    const plans = random.shuffle(models).map((model) => planEnclosure(random, model));
    for (const plan of plans) plan.emptyBays = random.chance(0.4) ? random.int(1, 3) : 0;
    const drives = plannedDrives(plans);
    if (drives >= MIN_DRIVES && drives <= MAX_DRIVES) return plans;
  }
  throw new Error(`no small site of ${MIN_DRIVES}-${MAX_DRIVES} drives after ${MAX_ATTEMPTS} attempts`);
}

/** A few mixed racks in two rows: 6–10 enclosures (300–500 drives) and 16–24 servers. */
export function planSmallSite(random: Random): RackPlan[] {
  const rackCount = random.int(4, 6);
  const rowLength = Math.ceil(rackCount / 2);
  const racks = Array.from({ length: rackCount }, (_, i) => {
    const row = i < rowLength ? 0 : 1;
    // Each row hangs off its own power feed.
    return planRack(random, row, i - row * rowLength, `feed-${row + 1}`);
  });
  // Dealt round-robin: at least six enclosures over at most six racks leaves no rack without one.
  pickEnclosures(random).forEach((enclosure, i) => {
    racks[i % rackCount]!.enclosures.push(enclosure);
  });
  const serverCount = random.int(16, 24);
  for (let i = 0; i < serverCount; i++) racks[i % rackCount]!.serverCount += 1;
  return racks;
}
