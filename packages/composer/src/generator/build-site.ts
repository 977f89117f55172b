import type { Drive, Enclosure, InventoryReport, Rack, Server, Site } from '@drivebay/api-types';
import { driveId, rackCode, twoDigits } from './ids.js';
import type { EnclosurePlan, RackPlan } from './plan.js';
import type { Random } from './random.js';
import { createSerialMint } from './serials.js';

type EnclosureEntry = InventoryReport['enclosures'][number];

function emptyBaySet(random: Random, bayCount: number, count: number): Set<number> {
  const empty = new Set<number>();
  while (empty.size < count) empty.add(random.int(0, bayCount - 1));
  return empty;
}

function buildDrives(
  plan: EnclosurePlan,
  enclosureId: string,
  random: Random,
  mintSerial: ReturnType<typeof createSerialMint>,
): Drive[] {
  const { driveModel } = plan;
  const empty = emptyBaySet(random, plan.model.bayCount, plan.emptyBays);
  const drives: Drive[] = [];
  for (let bay = 0; bay < plan.model.bayCount; bay++) {
    if (empty.has(bay)) continue;
    const serial = mintSerial(driveModel);
    drives.push({
      id: driveId(serial),
      serial,
      model: driveModel.model,
      enclosure: enclosureId,
      bay,
      media: driveModel.media,
      rpm: driveModel.rpm,
      capacityBytes: driveModel.capacityBytes,
      tags: [...driveModel.tags],
      health: 'ok',
    });
  }
  return drives;
}

/** Mints ids, serials and drives for a planned site; everything starts healthy. */
export function buildInventory(site: Site, plans: readonly RackPlan[], random: Random): InventoryReport {
  const mintSerial = createSerialMint(random.fork('serials'));
  const bays = random.fork('empty-bays');
  const racks: Rack[] = [];
  const enclosures: EnclosureEntry[] = [];
  const servers: Server[] = [];
  for (const plan of plans) {
    const code = rackCode(plan.row, plan.position);
    const rackId = `rack-${code}`;
    racks.push({ id: rackId, name: `Rack ${code.toUpperCase()}`, row: plan.row, position: plan.position });
    plan.enclosures.forEach((enclosurePlan, i) => {
      const enclosure: Enclosure = {
        id: `enc-${code}-${i + 1}`,
        name: `${enclosurePlan.model.shortName} ${code.toUpperCase()}-${i + 1}`,
        rack: rackId,
        kind: enclosurePlan.model.kind,
        model: enclosurePlan.model.model,
        bayCount: enclosurePlan.model.bayCount,
        storageGroup: plan.storageGroup,
        // One top-of-rack switch pair carries every enclosure in the rack.
        bandwidthDomain: `tor-${code}`,
        transports: [...enclosurePlan.transports],
        state: 'online',
      };
      enclosures.push({ enclosure, drives: buildDrives(enclosurePlan, enclosure.id, bays, mintSerial) });
    });
    for (let slot = 0; slot < plan.serverCount; slot++) {
      servers.push({
        id: `srv-${code}-${twoDigits(slot)}`,
        hostname: `k8s-${code}-${twoDigits(slot)}`,
        rack: rackId,
        transports: [...plan.serverTransports],
        state: 'up',
      });
    }
  }
  return { type: 'inventory', site, racks, enclosures, servers };
}
