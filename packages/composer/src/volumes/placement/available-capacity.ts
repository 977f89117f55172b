import { GIB, type StorageClassParameters } from '@drivebay/api-types';
import type { Inventory } from '../../inventory/inventory.js';
import type { AllocationIndex } from './allocation-index.js';
import { filterCandidates } from './candidate-filters.js';
import { CandidateIndex } from './candidate-index.js';
import { formatBytes, formatCount } from './format.js';
import { freeGiBOf, largestGapGiB, sliceableGiB } from './slice-extents.js';

/** What volumes of one StorageClass could still get, now (CSI GetCapacity). */
export interface AvailableCapacityReport {
  /** Usable bytes: free raw bytes of the qualifying drives, halved when every volume is mirrored. */
  availableBytes: bigint;
  /** The largest single volume placement could compose now, before failure-domain rules (an upper bound). */
  maximumVolumeBytes: number;
  minimumVolumeBytes: number;
  explanation: string[];
}

/**
 * The capacity Kubernetes publishes as CSIStorageCapacity for a class, so the scheduler does not
 * send pods to storage that is not there. Counted over the drives every parameter that concerns
 * a drive admits (media, storage groups, transports, rpm, tags; healthy, in an online enclosure):
 * free whole drives for hdd and ssd; for slices, the free GiB of SSDs that are not held whole.
 * Summed as a bigint: 100,000 drives of 20 TB pass 2^53 bytes.
 */
export function availableCapacity(
  site: Inventory,
  allocations: AllocationIndex,
  params: StorageClassParameters,
): AvailableCapacityReport {
  const media = params.type === 'hdd' ? 'hdd' : 'ssd';
  const explanation: string[] = [];
  const minimumVolumeBytes = params.minVolumeSize ?? (params.type === 'slice' ? GIB : 0);
  const groups = filterCandidates(CandidateIndex.of(site), media, params, explanation);
  if (!groups.ok) {
    explanation.push(groups.error.message);
    return { availableBytes: 0n, maximumVolumeBytes: 0, minimumVolumeBytes, explanation };
  }
  let free = 0n;
  /** Per qualifying drive, the most one member could hold there: the drive, or its largest gap. */
  const units: number[] = [];
  for (const group of groups.value) {
    for (const drive of group.drives) {
      if (allocations.wholeOwner(drive.id) !== undefined) continue;
      const extents = allocations.slicesOn(drive.id);
      if (params.type === 'slice') {
        const sliceable = sliceableGiB(drive.capacityBytes);
        free += BigInt(freeGiBOf(extents, sliceable)) * BigInt(GIB);
        units.push(largestGapGiB(extents, sliceable) * GIB);
      } else if (extents.length === 0) {
        free += BigInt(drive.capacityBytes);
        units.push(drive.capacityBytes);
      }
    }
  }
  units.sort((a, b) => b - a);
  const unit = params.type === 'slice' ? 'slice' : 'drive';
  explanation.push(
    `${formatCount(units.length)} ${unit === 'slice' ? 'SSDs with free space' : 'free drives'}: ${formatBytes(Number(free))} raw`,
  );
  const mirrored = params.redundancy;
  const availableBytes = mirrored ? free / 2n : free;
  if (mirrored) explanation.push('redundancy=true: every byte is mirrored, so half of it is usable');
  let maximum = largestVolume(units, params);
  if (params.maxVolumeSize !== undefined && maximum > params.maxVolumeSize) {
    maximum = params.maxVolumeSize;
    explanation.push(`maxVolumeSize caps a volume at ${formatBytes(maximum)}`);
  }
  explanation.push(
    `largest volume now: ${formatBytes(maximum)} (before failure-domain rules, which may refuse some pairs)`,
  );
  return { availableBytes, maximumVolumeBytes: maximum, minimumVolumeBytes, explanation };
}

/**
 * One member (single), a mirrored pair (raid1: the smaller of the two largest), or with striping
 * on whole drives a RAID10 of k pairs, each member as large as the smallest of the 2k largest.
 */
function largestVolume(units: readonly number[], params: StorageClassParameters): number {
  const [first = 0, second = 0] = units;
  let best = params.redundancy ? second : first;
  if (params.type !== 'slice' && params.striping) {
    const maxPairs = Math.floor(params.raidMaxDrives / 2);
    for (let pairs = 2; pairs <= maxPairs && 2 * pairs <= units.length; pairs++) {
      best = Math.max(best, pairs * (units[2 * pairs - 1] as number));
    }
  }
  return best;
}
