import type { DriveHealth, Media, ServerState } from '@drivebay/api-types';
import type { TopologyModel } from '../topology';

/** Drive count and raw capacity of one media type. */
export interface MediaCapacity {
  readonly drives: number;
  readonly bytes: number;
  /** Capacity of drives that are failed or offline, so not usable right now. */
  readonly unavailableBytes: number;
}

/** The site's health at a glance, for the overview cards. */
export interface HealthSummary {
  readonly revision: number;
  readonly drives: { readonly total: number; readonly byHealth: Readonly<Record<DriveHealth, number>> };
  readonly enclosures: { readonly total: number; readonly online: number; readonly offline: number };
  readonly capacity: Readonly<Record<Media, MediaCapacity>>;
  readonly racks: number;
  readonly servers: { readonly total: number; readonly byState: Readonly<Record<ServerState, number>> };
}

/** Summarises the model in one pass over drives, enclosures and servers. */
export function summarizeHealth(model: TopologyModel): HealthSummary {
  const capacity = {
    hdd: { drives: 0, bytes: 0, unavailableBytes: 0 },
    ssd: { drives: 0, bytes: 0, unavailableBytes: 0 },
  };
  for (const drive of model.drives) {
    if (!drive) continue;
    const bucket = capacity[drive.media];
    bucket.drives += 1;
    bucket.bytes += drive.capacityBytes;
    if (drive.health === 'failed' || drive.health === 'offline')
      bucket.unavailableBytes += drive.capacityBytes;
  }
  let offline = 0;
  for (const enclosure of model.enclosures.values()) if (enclosure.state === 'offline') offline += 1;
  const byState = { up: 0, down: 0, maintenance: 0 };
  for (const server of model.servers.values()) byState[server.state] += 1;
  return {
    revision: model.revision,
    drives: { total: model.driveCount, byHealth: { ...model.healthCounts } },
    enclosures: { total: model.enclosures.size, online: model.enclosures.size - offline, offline },
    capacity,
    racks: model.racks.size,
    servers: { total: model.servers.size, byState },
  };
}

/** Whether anything needs an operator's attention. */
export function needsAttention(summary: HealthSummary): boolean {
  const { byHealth } = summary.drives;
  return byHealth.failed + byHealth.degraded + byHealth.offline > 0 || summary.enclosures.offline > 0;
}
