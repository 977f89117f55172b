import type { VolumeLayout } from '@drivebay/api-types';
import { fail, ok, type PlacementPlan, type Result } from '../types.js';
import { driveCount, mediaNoun } from './candidate-filters.js';
import type { DriveGroup } from './candidate-index.js';
import { checkMirrorGroups } from './check-request.js';
import { describePicked, type PlacementContext, toMembers } from './context.js';
import { formatBytes, formatCount, plural } from './format.js';
import { Balance } from './member-source.js';
import { type LayoutOption, placeLayout } from './place-layout.js';
import { type FreeGroup, freeGroups, wholeDriveSource } from './whole-source.js';

/**
 * Whole-drive layouts (type hdd or ssd). A size that fits on one free candidate drive gets one
 * drive (the smallest that fits), or a RAID1 pair with redundancy. A size that fits on none gets,
 * with striping, RAID10: mirrored pairs of drives of at least one capacity, preferring the
 * capacity that wastes least, then the fewest pairs, within raidMaxDrives.
 */
export function planWholeDrives(ctx: PlacementContext, groups: readonly DriveGroup[]): Result<PlacementPlan> {
  const { index, allocations, params, request, media, explanation } = ctx;
  const noun = mediaNoun(media);
  const free = freeGroups(index, allocations, groups);
  const freeCount = free.reduce((n, g) => n + g.free, 0);
  explanation.push(`not allocated: ${formatCount(freeCount)} left`);
  if (freeCount === 0) {
    const message = `every one of the ${plural(driveCount(groups), `candidate ${noun}`)} is allocated`;
    return fail('RESOURCE_EXHAUSTED', message, 'capacityBytes');
  }
  const size = request.capacityBytes;
  const largest = Math.max(...free.map((g) => g.group.capacityBytes));
  const option = (label: string, floorBytes: number, sets: number, copies: 1 | 2): LayoutOption => ({
    label,
    sets,
    copies,
    source: () =>
      wholeDriveSource({
        index,
        allocations,
        balance: new Balance(index, allocations),
        media,
        groups: free,
        floorBytes,
      }),
  });
  let layout: VolumeLayout;
  let options: LayoutOption[];
  if (size <= largest) {
    layout = params.redundancy ? 'raid1' : 'single';
    explanation.push(
      `layout ${layout}: ${formatBytes(size)} fits on one drive (largest free candidate: ${formatBytes(largest)}), redundancy=${params.redundancy}`,
    );
    options = [option(`${layout} on drives ≥ ${formatBytes(size)}`, size, 1, params.redundancy ? 2 : 1)];
  } else {
    if (!params.striping) {
      const message = `striping=false: ${formatBytes(size)} does not fit on one drive (largest free candidate ${noun}: ${formatBytes(largest)})`;
      return fail('RESOURCE_EXHAUSTED', message, 'parameters.striping');
    }
    layout = 'raid10';
    const stripes = raid10Options(free, size, params.raidMaxDrives);
    if (stripes.length === 0) {
      const pairs = Math.ceil(size / largest);
      const message =
        `raidMaxDrives=${params.raidMaxDrives}: ${formatBytes(size)} needs ${pairs * 2} drives ` +
        `(${pairs} mirrored pairs of the largest free ${noun}s, ${formatBytes(largest)})`;
      return fail('OUT_OF_RANGE', message, 'parameters.raidMaxDrives');
    }
    explanation.push(
      `layout raid10: ${formatBytes(size)} exceeds the largest free candidate (${formatBytes(largest)}) and striping=true; ` +
        `options by least waste: ${stripes.map((s) => `${s.pairs} × ${formatBytes(s.floor)}`).join(', ')}`,
    );
    options = stripes.map((s) =>
      option(`raid10 of ${s.pairs} pairs ≥ ${formatBytes(s.floor)}`, s.floor, s.pairs, 2),
    );
  }
  if (layout !== 'single') {
    const contradiction = checkMirrorGroups(params);
    if (contradiction) return { ok: false, error: contradiction };
  }
  const placed = placeLayout(options, params, explanation);
  if (!placed.ok) return placed;
  const { picked, warnings } = placed.value;
  const smallest = Math.min(...picked.map((p) => p.candidate.drive.capacityBytes));
  const capacityBytes = layout === 'raid10' ? placed.value.option.sets * smallest : smallest;
  explanation.push(...describePicked(picked));
  explanation.push(
    `${layout} of ${plural(picked.length, noun)}: ${formatBytes(capacityBytes)} usable for ${formatBytes(size)} requested`,
  );
  return ok({ layout, media, capacityBytes, members: toMembers(picked), explanation, warnings });
}

/** RAID10 stripes over drives of at least each free capacity, within raidMaxDrives, least waste first. */
function raid10Options(free: readonly FreeGroup[], size: number, raidMaxDrives: number) {
  const floors = [...new Set(free.map((g) => g.group.capacityBytes))];
  return floors
    .map((floor) => ({ floor, pairs: Math.ceil(size / floor) }))
    .filter((s) => s.pairs * 2 <= raidMaxDrives)
    .sort((a, b) => a.pairs * a.floor - b.pairs * b.floor || a.pairs - b.pairs);
}
