import type { Media, StorageClassParameters, VolumeRequest } from '@drivebay/api-types';
import type { PlannedMember } from '../types.js';
import type { AllocationIndex } from './allocation-index.js';
import type { CandidateIndex } from './candidate-index.js';
import type { Picked } from './pick-members.js';

/** What every placement step reads, and the explanation it writes to. */
export interface PlacementContext {
  readonly index: CandidateIndex;
  readonly allocations: AllocationIndex;
  readonly request: VolumeRequest;
  readonly params: StorageClassParameters;
  readonly media: Media;
  readonly explanation: string[];
}

/** Picked candidates as plan members, in set then copy order. */
export function toMembers(picked: readonly Picked[]): PlannedMember[] {
  return [...picked]
    .sort((a, b) => a.set - b.set || a.copy - b.copy)
    .map(({ candidate, set, copy }) => ({
      driveId: candidate.drive.id,
      enclosureId: candidate.enclosure.id,
      storageGroup: candidate.enclosure.storageGroup,
      ...(candidate.slice ? { slice: { ...candidate.slice } } : {}),
      set,
      copy,
    }));
}

/** One explanation line per chosen member: where it is and why it was preferred. */
export function describePicked(picked: readonly Picked[]): string[] {
  return picked.map(({ candidate: c, set, copy }) => {
    const where = `${c.enclosure.id} (storage group ${c.enclosure.storageGroup}, bandwidth domain ${c.enclosure.bandwidthDomain})`;
    const extent = c.slice ? ` [${c.slice.offsetGiB}+${c.slice.sizeGiB} GiB]` : '';
    return `set ${set} copy ${copy}: ${c.drive.id}${extent} in ${where}: ${c.reason}`;
  });
}
