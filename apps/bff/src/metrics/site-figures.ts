import type { CapacityReport, CapacityTiers, DomainEvent, MetricSample, Volume } from '@drivebay/api-types';
import { type AllocationIndex, capacityByTier, type Inventory } from '@drivebay/composer';

/** What the figures are read from: the mirror's inventory, volumes and timeline, and the allocation index. */
export interface SiteState {
  readonly inventory: Inventory;
  readonly allocations: AllocationIndex;
  readonly volumes: ReadonlyMap<string, Volume>;
  /** The timeline, newest first. */
  readonly newestEvents: () => Iterable<DomainEvent>;
  readonly revision: number;
}

/** Capacity by tier now, and the rebuilds running with the last one's ETA. */
export function capacityReport(state: SiteState): CapacityReport {
  let running = 0;
  let lastEta: string | null = null;
  for (const volume of state.volumes.values()) {
    for (const member of volume.members) {
      if (member.state !== 'rebuilding' || !member.rebuild) continue;
      running += 1;
      if (lastEta === null || member.rebuild.eta > lastEta) lastEta = member.rebuild.eta;
    }
  }
  return { revision: state.revision, tiers: tiersOf(state), rebuilds: { running, lastEta } };
}

/** One history point at `now`; the event rate counts events after `previousAt` (or the last minute). */
export function metricSample(state: SiteState, now: Date, previousAt: string | undefined): MetricSample {
  const tiers = tiersOf(state);
  const windowStart = previousAt ?? new Date(now.getTime() - 60_000).toISOString();
  const minutes = Math.max((now.getTime() - Date.parse(windowStart)) / 60_000, 1 / 60);
  let events = 0;
  for (const event of state.newestEvents()) {
    if (event.at <= windowStart) break;
    events += 1;
  }
  let allocations = 0;
  for (const volume of state.volumes.values()) allocations += volume.members.length;
  return {
    at: now.toISOString(),
    usedBytes: {
      hdd: tiers.hdd.usedBytes,
      ssdWhole: tiers.ssdWhole.usedBytes,
      ssdSliced: tiers.ssdSliced.usedBytes,
    },
    freeBytes: {
      hdd: tiers.hdd.freeBytes,
      ssdWhole: tiers.ssdWhole.freeBytes,
      ssdSliced: tiers.ssdSliced.freeBytes,
    },
    volumes: state.volumes.size,
    allocations,
    eventsPerMinute: Math.round((events / minutes) * 100) / 100,
  };
}

function tiersOf(state: SiteState): CapacityTiers {
  const { hdd, ssdWhole, ssdSliced } = capacityByTier(state.inventory, state.allocations);
  return { hdd: { ...hdd }, ssdWhole: { ...ssdWhole }, ssdSliced: { ...ssdSliced } };
}
