import type { DriveHealth, Volume } from '@drivebay/api-types';
import { enclosureSlots, type TopologyModel } from './topologyModel';

/** What an enclosure holds: its drives by health, and the volumes with a member in it. */
export interface EnclosureContents {
  readonly byHealth: Readonly<Record<DriveHealth, number>>;
  /** Drives that are not ok, worst first, for a quick jump. */
  readonly unhealthy: readonly { readonly id: string; readonly bay: number; readonly health: DriveHealth }[];
  /** Volumes using the enclosure, by name, with how many of their members sit in it. */
  readonly volumes: readonly { readonly volume: Volume; readonly membersHere: number }[];
}

const RANK: Record<DriveHealth, number> = { failed: 0, offline: 1, degraded: 2, ok: 3 };

export function enclosureContents(
  model: TopologyModel,
  enclosureId: string,
  volumes: readonly Volume[],
): EnclosureContents {
  const byHealth = { ok: 0, degraded: 0, failed: 0, offline: 0 };
  const unhealthy: { id: string; bay: number; health: DriveHealth }[] = [];
  for (const slot of enclosureSlots(model, enclosureId)) {
    const drive = model.drives[slot];
    if (!drive) continue;
    byHealth[drive.health] += 1;
    if (drive.health !== 'ok') unhealthy.push({ id: drive.id, bay: drive.bay, health: drive.health });
  }
  unhealthy.sort((a, b) => RANK[a.health] - RANK[b.health] || a.bay - b.bay);
  const using: { volume: Volume; membersHere: number }[] = [];
  for (const volume of volumes) {
    const membersHere = volume.members.filter((m) => m.enclosureId === enclosureId).length;
    if (membersHere > 0) using.push({ volume, membersHere });
  }
  using.sort((a, b) => a.volume.name.localeCompare(b.volume.name));
  return { byHealth, unhealthy, volumes: using };
}
