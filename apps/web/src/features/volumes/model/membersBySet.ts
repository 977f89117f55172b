import type { Volume, VolumeMember } from '@drivebay/api-types';
import { plural } from '../../../shared/format/count';
import { layoutLabel } from '../../../shared/model/volumeLabels';

/** healthy: every copy active; degraded: a copy failed; rebuilding: a copy is being rebuilt; lost: no active copy. */
export type SetState = 'healthy' | 'degraded' | 'rebuilding' | 'lost';

/** Two copies of one set in the same failure domain: one failure there takes the whole set. */
export interface FailureDomainWarning {
  readonly kind: 'shared-enclosure' | 'shared-storage-group';
  /** The enclosure or storage group the copies share. */
  readonly domain: string;
  readonly text: string;
}

/** One stripe of the volume: its copies (mirrors of each other), in copy order. */
export interface MirrorSet {
  readonly set: number;
  readonly copies: readonly VolumeMember[];
  readonly state: SetState;
  readonly warnings: readonly FailureDomainWarning[];
}

/** The volume's members grouped by set for the layout diagram, sets and copies in order. */
export function membersBySet(volume: Volume): MirrorSet[] {
  const bySet = new Map<number, VolumeMember[]>();
  for (const member of volume.members) {
    const copies = bySet.get(member.set);
    if (copies) copies.push(member);
    else bySet.set(member.set, [member]);
  }
  return [...bySet.entries()]
    .sort(([a], [b]) => a - b)
    .map(([set, copies]) => {
      const ordered = copies.sort((a, b) => a.copy - b.copy);
      return { set, copies: ordered, state: setState(ordered), warnings: failureDomainWarnings(ordered) };
    });
}

function setState(copies: readonly VolumeMember[]): SetState {
  if (!copies.some((copy) => copy.state === 'active')) return 'lost';
  if (copies.some((copy) => copy.state === 'rebuilding')) return 'rebuilding';
  if (copies.some((copy) => copy.state === 'failed')) return 'degraded';
  return 'healthy';
}

/** A shared enclosure implies a shared storage group, so only the narrower warning is given. */
function failureDomainWarnings(copies: readonly VolumeMember[]): FailureDomainWarning[] {
  const warnings: FailureDomainWarning[] = [];
  const enclosures = duplicates(copies.map((copy) => copy.enclosureId));
  for (const enclosure of enclosures) {
    const group = copies.find((copy) => copy.enclosureId === enclosure)?.storageGroup;
    warnings.push({
      kind: 'shared-enclosure',
      domain: enclosure,
      text: `Both copies are in enclosure ${enclosure}${group ? ` (storage group ${group})` : ''}: one enclosure failure takes out this mirror.`,
    });
  }
  const sharedByEnclosure = new Set(
    copies.filter((copy) => enclosures.has(copy.enclosureId)).map((copy) => copy.storageGroup),
  );
  for (const group of duplicates(copies.map((copy) => copy.storageGroup))) {
    if (sharedByEnclosure.has(group)) continue;
    warnings.push({
      kind: 'shared-storage-group',
      domain: group,
      text: `Both copies are in storage group ${group}: one storage-group failure takes out this mirror.`,
    });
  }
  return warnings;
}

function duplicates(values: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) twice.add(value);
    seen.add(value);
  }
  return twice;
}

/** "RAID10: 4 mirror sets × 2 copies, striped", "RAID1: 2 copies", "Single: 1 SSD slice". */
export function layoutSummary(volume: Volume, sets: readonly MirrorSet[]): string {
  const unit = volume.members.some((member) => member.slice) ? 'SSD slice' : 'drive';
  if (volume.layout === 'single') return `${layoutLabel('single')}: ${plural(volume.members.length, unit)}`;
  const copies = Math.max(...sets.map((set) => set.copies.length));
  if (volume.layout === 'raid1')
    return `${layoutLabel('raid1')}: ${plural(copies, 'copy', 'copies')} of each ${unit}`;
  return `${layoutLabel('raid10')}: ${plural(sets.length, 'mirror set')} × ${plural(copies, 'copy', 'copies')}, striped`;
}

/** Sets whose copies share a failure domain, for a warning in the header. */
export function setsAtRisk(sets: readonly MirrorSet[]): number {
  return sets.filter((set) => set.warnings.length > 0).length;
}
