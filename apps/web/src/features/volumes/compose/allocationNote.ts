import type { PlacementPreview, VolumeRequest } from '@drivebay/api-types';
import { formatBytes } from '../../../shared/format/bytes';

/** Usable space this much above the request is a surprise worth saying before composing. */
const SURPRISE = 1.25;

/** What composing will really allocate, said before it happens; `surprise` when it is far more than asked. */
export interface AllocationNote {
  readonly text: string;
  readonly surprise: boolean;
}

/**
 * Whole drives are never split: an HDD or SSD volume takes whole drives, so a 500 GB mirror of
 * 12 TB HDDs holds 12 TB usable on 24 TB of drives. Said with what to change for a right-sized one.
 */
export function allocationNote(request: VolumeRequest, preview: PlacementPreview): AllocationNote | null {
  if (!preview.feasible) return null;
  const { capacityBytes: usable, members, layout } = preview;
  const type = request.parameters.type;
  const asked = formatBytes(request.capacityBytes);
  const pieces = type === 'slice' ? 'slice' : `whole ${preview.media.toUpperCase()}`;
  const count = `${members.length} ${pieces}${members.length === 1 ? '' : 's'}`;
  const mirrored = layout === 'single' ? '' : `, each copy on its own drive (${layout.toUpperCase()})`;
  if (type !== 'slice' && usable >= request.capacityBytes * SURPRISE) {
    const why = `whole drives are never split`;
    const fix =
      preview.media === 'ssd' || type === 'ssd'
        ? 'for a right-sized volume choose type "slice" (1 GiB steps on SSDs)'
        : 'for a right-sized volume choose type "slice" (on SSDs), or ask for a size close to a drive';
    return {
      surprise: true,
      text: `You asked for ${asked}; composing allocates ${count}${mirrored}: ${formatBytes(usable)} usable, because ${why}. ${fix[0]?.toUpperCase()}${fix.slice(1)}.`,
    };
  }
  return {
    surprise: false,
    text: `Composing allocates ${count}${mirrored}: ${formatBytes(usable)} usable for the ${asked} asked.`,
  };
}
