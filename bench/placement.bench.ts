// Placement at DriveScale's maximum (100,000 drives, 10,000 servers): latency of one composition
// (plan + record in the AllocationIndex) per layout, with thousands of volumes already allocated
// and allocations accumulating as the bench runs. `hz` is compositions per second.
// Run: npx vitest bench --run --config bench/vitest.bench.config.ts bench/placement.bench.ts
import { type StorageClassParametersInput, VolumeRequestSchema } from '@drivebay/api-types';
import { generateSite, Inventory, reconcileInventory } from '@drivebay/composer';
import { afterAll, bench, describe } from 'vitest';
import {
  AllocationIndex,
  capacityByTier,
  planPlacement,
  siteSliceFragmentation,
} from '../packages/composer/src/volumes/placement/index.js';

const TB = 1e12;
const GiB = 1024 ** 3;
const PRIOR_VOLUMES = 5_000;
// Each bench keeps at most this many of its own volumes, deleting the oldest, so that it measures
// a site in steady use rather than one it slowly fills.
const KEEP = 1_000;

const report = generateSite({ scale: 'large', seed: 1 });
const site = new Inventory();
const context = { actor: 'bench', now: '2026-11-22T00:00:00.000Z', nextEventId: () => 'ev-bench' };
for (const change of reconcileInventory(site, report, context).changes) site.apply(change);
const allocations = new AllocationIndex();

const kinds: Record<string, { bytes: number; parameters: StorageClassParametersInput }> = {
  'single HDD (4 TB)': { bytes: 4 * TB, parameters: { type: 'hdd' } },
  'RAID1 HDD (8 TB, redundancy)': { bytes: 8 * TB, parameters: { type: 'hdd', redundancy: true } },
  'RAID10 HDD (40 TB, striping)': { bytes: 40 * TB, parameters: { type: 'hdd' } },
  'slice (50 GiB)': { bytes: 50 * GiB, parameters: { type: 'slice' } },
  'slice RAID1 (200 GiB, redundancy)': { bytes: 200 * GiB, parameters: { type: 'slice', redundancy: true } },
};

let serial = 0;
/** Plans one volume of this kind and records it; returns its id. */
function compose(kind: string): string {
  const { bytes, parameters } = kinds[kind]!;
  serial += 1;
  const id = `vol-${serial}`;
  const request = VolumeRequestSchema.parse({ name: `pvc-${serial}`, capacityBytes: bytes, parameters });
  const plan = planPlacement(site, allocations, request);
  if (!plan.ok) throw new Error(`${kind}: ${plan.error.message}`);
  allocations.put({ id, capacityBytes: plan.value.capacityBytes, members: plan.value.members });
  return id;
}

const names = Object.keys(kinds);
const started = performance.now();
for (let i = 0; i < PRIOR_VOLUMES; i++) compose(names[i % names.length]!);
const seconds = (performance.now() - started) / 1000;
console.log(
  `prior: ${PRIOR_VOLUMES} volumes composed in ${seconds.toFixed(2)} s (${Math.round(PRIOR_VOLUMES / seconds)}/s); ` +
    `slice fragmentation ${siteSliceFragmentation(site, allocations).fragmentation.toFixed(3)}`,
);

// vitest's table shows p75 and p99 but no median: each composition is also timed here.
const samples = new Map<string, number[]>();

function benchKind(kind: string): void {
  const mine: string[] = [];
  const times: number[] = [];
  samples.set(kind, times);
  bench(
    kind,
    () => {
      const start = performance.now();
      mine.push(compose(kind));
      times.push(performance.now() - start);
      if (mine.length > KEEP) allocations.remove(mine.shift()!);
    },
    // Longer than the default 500 ms: more samples make p99 meaningful.
    { time: 2_000 },
  );
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

afterAll(() => {
  const rows = [...samples].map(([kind, times]) => {
    const sorted = [...times].sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    return `${kind.padEnd(36)} n=${String(times.length).padStart(5)}  p50 ${percentile(sorted, 0.5).toFixed(2)} ms  p99 ${percentile(sorted, 0.99).toFixed(2)} ms  ${Math.round(1000 / mean)}/s`;
  });
  console.log(
    `per composition (plan + record), ${allocations.volumeCount} volumes held at the end:\n${rows.join('\n')}`,
  );
});

describe(`placement at 100,000 drives, ${PRIOR_VOLUMES.toLocaleString('en-US')} prior volumes`, () => {
  for (const kind of names) benchKind(kind);
  bench('dry run only: RAID10 HDD (40 TB), nothing recorded', () => {
    const request = VolumeRequestSchema.parse({ name: 'pvc-preview', capacityBytes: 40 * TB });
    planPlacement(site, allocations, request);
  });
  bench('capacityByTier (reporting, full scan)', () => {
    capacityByTier(site, allocations);
  });
});
