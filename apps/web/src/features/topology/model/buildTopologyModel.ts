import type { Drive, TopologySnapshot } from '@drivebay/api-types';
import { decodeCheckedDriveColumns } from './driveColumns';
import { DriveSlots } from './driveSlots';
import { type TopologyModel, zeroHealthCounts } from './topologyModel';

/** Builds the client model from a parsed snapshot: one pass over the drives. */
export function buildTopologyModel(snapshot: TopologySnapshot): TopologyModel {
  return modelFromRecords({
    revision: snapshot.revision,
    site: snapshot.site,
    racks: snapshot.racks,
    enclosures: snapshot.enclosures,
    servers: snapshot.servers,
    drives: decodeCheckedDriveColumns(snapshot.drives),
    locates: snapshot.locates,
  });
}

/** Records as they come out of a snapshot (drives already decoded). */
export interface TopologyRecords {
  revision: number;
  site: TopologySnapshot['site'];
  racks: TopologySnapshot['racks'];
  enclosures: TopologySnapshot['enclosures'];
  servers: TopologySnapshot['servers'];
  drives: readonly Drive[];
  /** Lit locate LEDs; none when omitted. */
  locates?: TopologySnapshot['locates'];
}

/** Builds the model from plain records; a later duplicate drive id replaces an earlier one. */
export function modelFromRecords(records: TopologyRecords): TopologyModel {
  const slots = new DriveSlots();
  const drives: (Drive | undefined)[] = [];
  for (const drive of records.drives) {
    const slot = slots.assign(drive.id);
    if (slot === drives.length) drives.push(drive);
    else drives[slot] = drive;
  }
  const healthCounts = zeroHealthCounts();
  const drivesByEnclosure = new Map<string, number[]>();
  for (let slot = 0; slot < drives.length; slot++) {
    const drive = drives[slot] as Drive;
    healthCounts[drive.health] += 1;
    const members = drivesByEnclosure.get(drive.enclosure);
    if (members) members.push(slot);
    else drivesByEnclosure.set(drive.enclosure, [slot]);
  }
  return {
    revision: records.revision,
    site: records.site,
    racks: new Map(records.racks.map((rack) => [rack.id, rack])),
    enclosures: new Map(records.enclosures.map((enclosure) => [enclosure.id, enclosure])),
    servers: new Map(records.servers.map((server) => [server.id, server])),
    drives,
    slots,
    drivesByEnclosure,
    healthCounts,
    driveCount: drives.length,
    locates: new Map((records.locates ?? []).map((locate) => [`${locate.kind}/${locate.id}`, locate])),
  };
}
