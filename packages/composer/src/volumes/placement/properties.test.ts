import type { StorageClassParametersInput } from '@drivebay/api-types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSite } from '../../generator/index.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { Volume } from '../types.js';
import { AllocationIndex } from './allocation-index.js';
import { planPlacement } from './plan-placement.js';
import { planReplacement } from './plan-replacement.js';
import { inventoryOf, putDrive, request, shelf, siteOf, TB, volumeOf } from './testing/placement-fixtures.js';
import { allocationViolations, volumeViolations } from './testing/placement-invariants.js';

const GiB = 1024 ** 3;
const HDD_TB = [1.2, 2.4, 8, 12, 20];
const SSD_TB = [1.92, 3.84, 7.68];

/** A small hand-built site: a few shelves in up to 3 storage groups and 4 bandwidth domains. */
const builtSite = fc
  .array(
    fc.record({
      sg: fc.constantFrom('feed-1', 'feed-2', 'feed-3'),
      domain: fc.constantFrom('tor-1', 'tor-2', 'tor-3', 'tor-4'),
      ssd: fc.boolean(),
      size: fc.nat(4),
      count: fc.integer({ min: 1, max: 6 }),
      sed: fc.boolean(),
      offline: fc.nat(9).map((n) => n === 0),
    }),
    { minLength: 2, maxLength: 8 },
  )
  .map(
    (specs) => () =>
      siteOf(
        specs.map((s, i) => {
          const tb = s.ssd ? SSD_TB[s.size % SSD_TB.length]! : HDD_TB[s.size]!;
          const enclosure = {
            id: `enc-${i}`,
            storageGroup: s.sg,
            bandwidthDomain: s.domain,
            state: s.offline ? ('offline' as const) : ('online' as const),
          };
          const tags = s.sed ? ['sed'] : [];
          return shelf(s.ssd ? { ...enclosure, kind: 'ebod' } : enclosure, s.count, {
            media: s.ssd ? 'ssd' : 'hdd',
            capacityBytes: tb * TB,
            rpm: s.ssd ? 0 : tb < 3 ? 10_000 : 7200,
            tags,
          });
        }),
      ),
  );

/** A generated small site (~400 drives, 2 storage groups). */
const generatedSite = fc
  .integer({ min: 1, max: 10_000 })
  .map((seed) => () => inventoryOf(generateSite({ scale: 'small', seed })));

/** Usually empty, sometimes one of the given lists: filters that cut everything out teach little. */
const rarely = (...lists: string[][]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant([]) },
    ...lists.map((l) => ({ weight: 1, arbitrary: fc.constant(l) })),
  );

const parameters: fc.Arbitrary<StorageClassParametersInput> = fc.record({
  type: fc.constantFrom('hdd', 'ssd', 'slice'),
  redundancy: fc.boolean(),
  striping: fc.boolean(),
  sgResiliency: fc.boolean(),
  jbodResiliency: fc.boolean(),
  softDomains: fc.boolean(),
  raidMaxDrives: fc.constantFrom(2, 4, 8, 16),
  requiredTags: rarely(['sed']),
  storageGroup: rarely(['feed-1'], ['feed-1', 'feed-2']),
  networkTransportsAllowed: rarely(['iscsi'], ['roce']),
});

const operation = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('compose' as const),
      parameters,
      units: fc.integer({ min: 1, max: 80 }),
      jitter: fc.nat(GiB - 1),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fail' as const), pick: fc.nat() }) },
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

/** Runs the operations, checking every invariant after each; returns the plans for the determinism check. */
function run(site: Inventory, operations: readonly Operation[]): unknown[] {
  const allocations = new AllocationIndex();
  const live = new Map<string, Volume>();
  const outcomes: unknown[] = [];
  operations.forEach((op, step) => {
    if (op.kind === 'compose') {
      const type = op.parameters.type;
      // Slices up to 80 × 25 GiB, whole volumes up to 80 × 0.5 TB (past any one drive), off the unit by a jitter.
      const bytes = Math.max(1, op.units * (type === 'slice' ? 25 * GiB : TB / 2) - op.jitter);
      const req = request(bytes, op.parameters, `pvc-${step}`);
      const result = planPlacement(site, allocations, req);
      expect(planPlacement(site, AllocationIndex.fromVolumes(live.values()), req)).toEqual(result);
      outcomes.push(result.ok ? result.value.members : result.error);
      if (!result.ok) {
        expect(result.error.message.length).toBeGreaterThan(0);
        return;
      }
      const volume = volumeOf(`vol-${step}`, req, result.value);
      expect(volumeViolations(site, volume)).toEqual([]);
      for (const m of volume.members) {
        expect(site.drives.get(m.driveId)?.health).toBe('ok');
        expect(site.enclosures.get(m.enclosureId)?.state).toBe('online');
      }
      const unmet = volume.members.some((a) =>
        volume.members.some(
          (b) =>
            (a !== b && a.set === b.set && a.enclosureId === b.enclosureId) ||
            (a !== b && a.set === b.set && a.storageGroup === b.storageGroup),
        ),
      );
      if (unmet) expect(result.value.warnings.length).toBeGreaterThan(0);
      expect(allocations.conflicts(volume)).toEqual([]);
      allocations.put(volume);
      live.set(volume.id, volume);
    } else if (op.kind === 'delete' && live.size > 0) {
      const id = [...live.keys()][op.pick % live.size]!;
      allocations.remove(id);
      live.delete(id);
    } else if (op.kind === 'fail') {
      // Mostly drives that hold volumes, so that rebuilds are exercised.
      const held = [...live.values()].flatMap((v) => v.members.map((m) => m.driveId));
      const healthy = [...site.drives.values()].filter((d) => d.health === 'ok').map((d) => d.id);
      const from = held.length > 0 && op.pick % 4 !== 0 ? held : healthy;
      const driveId = from[op.pick % Math.max(1, from.length)];
      if (driveId && site.drives.get(driveId)?.health === 'ok')
        rebuildAfterFailure(site, allocations, live, driveId);
    }
    expect(allocationViolations(site, allocations)).toEqual([]);
  });
  return outcomes;
}

/** Fails a drive, then rebuilds every volume on it that has a surviving copy and a replacement. */
function rebuildAfterFailure(
  site: Inventory,
  allocations: AllocationIndex,
  live: Map<string, Volume>,
  driveId: string,
): void {
  putDrive(site, driveId, { health: 'failed' });
  for (const volume of [...live.values()]) {
    const index = volume.members.findIndex((m) => m.driveId === driveId);
    if (index < 0) continue;
    const failed = {
      ...volume,
      members: volume.members.map((m, i) => (i === index ? { ...m, state: 'failed' as const } : m)),
    };
    live.set(volume.id, failed);
    const replacement = planReplacement(site, allocations, failed, index);
    if (!replacement.ok) continue;
    const rebuilt = {
      ...failed,
      members: failed.members.map((m, i) =>
        i === index ? { ...replacement.value, state: 'active' as const } : m,
      ),
    };
    expect(allocations.isUntouched(replacement.value.driveId) || replacement.value.slice !== undefined).toBe(
      true,
    );
    expect(allocations.conflicts(rebuilt)).toEqual([]);
    expect(volumeViolations(site, rebuilt)).toEqual([]);
    allocations.put(rebuilt);
    live.set(volume.id, rebuilt);
  }
}

describe('placement properties over random sites and request sequences', () => {
  const sites = fc.oneof(builtSite, generatedSite);
  const operations = fc.array(operation, { minLength: 1, maxLength: 30 });

  it('never allocates a drive or extent twice, keeps slices aligned and apart, meets required resiliency, and accounts capacity', () => {
    fc.assert(
      fc.property(sites, operations, (makeSite, ops) => {
        run(makeSite(), ops);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same site and operations give the same plans', () => {
    fc.assert(
      fc.property(sites, operations, (makeSite, ops) => {
        expect(run(makeSite(), ops)).toEqual(run(makeSite(), ops));
      }),
      { numRuns: 60 },
    );
  });
});
