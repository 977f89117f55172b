import { GIB } from '@drivebay/api-types';
import { fail, ok, type PlacementPlan, type Result } from '../types.js';
import type { DriveGroup } from './candidate-index.js';
import { checkMirrorGroups } from './check-request.js';
import { describePicked, type PlacementContext, toMembers } from './context.js';
import { formatBytes, formatCount, formatGiB } from './format.js';
import { Balance } from './member-source.js';
import { placeLayout } from './place-layout.js';
import { roundUpToGiB, sliceableGiB } from './slice-extents.js';
import { type SliceSource, sliceSource } from './slice-source.js';

/**
 * Slice layouts (type slice): one right-sized, 1 GiB-aligned slice, or with redundancy two slices
 * of the same size on different SSDs. Slices never span SSDs, so striping does not apply: a size
 * larger than any candidate SSD is OUT_OF_RANGE.
 */
export function planSlices(ctx: PlacementContext, groups: readonly DriveGroup[]): Result<PlacementPlan> {
  const { index, allocations, params, request, explanation } = ctx;
  const sizeGiB = roundUpToGiB(request.capacityBytes);
  const largest = Math.max(...groups.map((g) => sliceableGiB(g.capacityBytes)));
  explanation.push(
    `slice of ${formatGiB(sizeGiB)} (${formatBytes(request.capacityBytes)} rounded up to whole GiB)`,
  );
  if (sizeGiB > largest) {
    const message =
      `type=slice: ${formatGiB(sizeGiB)} exceeds the largest candidate SSD (${formatGiB(largest)} sliceable); ` +
      `a slice never spans SSDs and striping does not apply to slices`;
    return fail('OUT_OF_RANGE', message, 'capacityBytes');
  }
  const layout = params.redundancy ? 'raid1' : 'single';
  if (layout === 'raid1') {
    const contradiction = checkMirrorGroups(params);
    if (contradiction) return { ok: false, error: contradiction };
  }
  const fresh = () =>
    sliceSource({ index, allocations, balance: new Balance(index, allocations), groups, sizeGiB });
  // The probe that counts candidates serves the first attempt too: each source scans every sliced SSD.
  let unused: SliceSource | undefined = fresh();
  const probe = unused;
  const source = () => {
    const next = unused ?? fresh();
    unused = undefined;
    return next;
  };
  const candidates = probe.availability().reduce((n, a) => n + a.count, 0);
  explanation.push(`SSDs with ${formatGiB(sizeGiB)} free in one extent: ${formatCount(candidates)}`);
  if (candidates === 0) {
    const message = `no candidate SSD has ${formatGiB(sizeGiB)} free in one extent; the largest free extent is ${formatGiB(probe.largestGapGiB)}`;
    return fail('RESOURCE_EXHAUSTED', message, 'capacityBytes');
  }
  explanation.push(`layout ${layout}: redundancy=${params.redundancy}`);
  const copies = params.redundancy ? 2 : 1;
  const placed = placeLayout(
    [{ label: `${layout} of ${formatGiB(sizeGiB)} slices`, sets: 1, copies, source }],
    params,
    explanation,
  );
  if (!placed.ok) return placed;
  const { picked, warnings } = placed.value;
  explanation.push(...describePicked(picked));
  const capacityBytes = sizeGiB * GIB;
  explanation.push(`${layout} of ${picked.length} slice(s): ${formatGiB(sizeGiB)} usable`);
  return ok({ layout, media: 'ssd', capacityBytes, members: toMembers(picked), explanation, warnings });
}
