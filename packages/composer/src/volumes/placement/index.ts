/**
 * Placement: where volumes go. planPlacement for new volumes (and the dry-run preview, via its
 * explanation), planReplacement for rebuilds, planExpansion for growing slices, all over an
 * AllocationIndex of who holds what; capacityByTier and the fragmentation measures for reporting.
 *
 * - Whole drives: the smallest drive that fits, least-used enclosure first (allocated share of its
 *   raw bytes, then its storage group's, then id). RAID10 = mirrored pairs of drives ≥ one
 *   capacity, least waste first. Mirrors try every failure-domain rule first, then only the
 *   required ones, with a warning per best-effort shortfall.
 * - Slices: best fit over the free gaps of SSDs already holding slices, then the smallest
 *   untouched SSD (see slice-source.ts). Fragmentation = 1 − largest free gap / free space.
 * - Stranded capacity: free bytes on unhealthy or offline drives, and the sub-GiB tails of sliced
 *   SSDs (see capacity-by-tier.ts).
 */
export { type AllocatedVolume, AllocationIndex } from './allocation-index.js';
export { type AvailableCapacityReport, availableCapacity } from './available-capacity.js';
export { type CapacityByTier, capacityByTier, type TierCapacity } from './capacity-by-tier.js';
export { type SliceFragmentation, siteSliceFragmentation, sliceFragmentation } from './fragmentation.js';
export { expandedCapacityBytes, planExpansion } from './plan-expansion.js';
export { planPlacement } from './plan-placement.js';
export { planReplacement } from './plan-replacement.js';
export {
  bestFitGap,
  type FreeGap,
  freeGaps,
  roundUpToGiB,
  type SliceExtent,
  sliceableGiB,
} from './slice-extents.js';
