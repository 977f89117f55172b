import type { VolumeRequest } from '@drivebay/api-types';
import type { Inventory } from '../../inventory/inventory.js';
import type { PlacementPlan, Result } from '../types.js';
import type { AllocationIndex } from './allocation-index.js';
import { filterCandidates } from './candidate-filters.js';
import { CandidateIndex } from './candidate-index.js';
import { checkRequest } from './check-request.js';
import { formatBytes, formatCount } from './format.js';
import { planSlices } from './slice-layout.js';
import { planWholeDrives } from './whole-layout.js';

/**
 * Where a requested volume would go, honouring every StorageClass parameter, and why: the plan's
 * explanation is what the dry-run preview shows. Pure and deterministic: the same inventory,
 * allocations and request always give the same plan; nothing is allocated until the caller
 * commits the plan and puts the resulting volume into the AllocationIndex.
 */
export function planPlacement(
  site: Inventory,
  allocations: AllocationIndex,
  request: VolumeRequest,
): Result<PlacementPlan> {
  const invalid = checkRequest(request);
  if (invalid) return { ok: false, error: invalid };
  const params = request.parameters;
  const media = params.type === 'hdd' ? 'hdd' : 'ssd';
  const explanation = [describeRequest(request)];
  const index = CandidateIndex.of(site);
  const groups = filterCandidates(index, media, params, explanation);
  if (!groups.ok) return groups;
  const ctx = { index, allocations, request, params, media, explanation } as const;
  const plan = params.type === 'slice' ? planSlices(ctx, groups.value) : planWholeDrives(ctx, groups.value);
  return plan.ok ? withinLimit(plan.value, request) : plan;
}

/**
 * Whole drives give more than asked (a 500 GiB request gets a 16 TB drive); a caller that set a
 * limit (CSI's limit_bytes) is refused rather than handed more than it accepts.
 */
function withinLimit(plan: PlacementPlan, request: VolumeRequest): Result<PlacementPlan> {
  const limit = request.limitBytes;
  if (limit === undefined || plan.capacityBytes <= limit) return { ok: true, value: plan };
  return {
    ok: false,
    error: {
      code: 'OUT_OF_RANGE',
      message: `limitBytes: the smallest placement for ${formatBytes(request.capacityBytes)} is a ${plan.layout} of ${formatBytes(plan.capacityBytes)}, more than the limit of ${formatBytes(limit)}`,
      field: 'limitBytes',
    },
  };
}

/** The request as placement reads it, defaults included, so the preview shows what applied. */
function describeRequest(request: VolumeRequest): string {
  const p = request.parameters;
  const rule = (name: string, on: boolean) => `${name}=${on}${on ? ' (required)' : ' (best effort)'}`;
  return [
    `request ${request.name}: ${formatBytes(request.capacityBytes)}, type=${p.type}`,
    p.type === 'hdd' && p.rpm !== undefined ? `rpm ≥ ${formatCount(p.rpm)}` : undefined,
    `redundancy=${p.redundancy}`,
    p.type === 'slice' ? 'striping does not apply to slices' : `striping=${p.striping}`,
    `raidMaxDrives=${p.raidMaxDrives}`,
    rule('sgResiliency', p.sgResiliency),
    rule('jbodResiliency', p.jbodResiliency),
    p.softDomains
      ? 'softDomains=true (bandwidth domains ignored)'
      : 'softDomains=false (mirror copies behind different bandwidth domains)',
    `fsType=${p.fsType} and encrypt=${p.encrypt} apply at publish`,
  ]
    .filter((s) => s !== undefined)
    .join(', ');
}
