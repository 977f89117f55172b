import type { Drive, Enclosure } from '@drivebay/api-types';
import type { DetailRow } from '../../../shared/components/DetailList';
import { formatTB } from '../../../shared/format/bytes';
import { enclosureSlots, type TopologyModel } from '../model/topologyModel';

/** A drive's details in the order an operator reads them. */
export function describeDrive(model: TopologyModel, drive: Drive): DetailRow[] {
  const enclosure = model.enclosures.get(drive.enclosure);
  const rack = enclosure ? model.racks.get(enclosure.rack) : undefined;
  return [
    { label: 'ID', value: drive.id },
    { label: 'Serial', value: drive.serial },
    { label: 'Model', value: drive.model },
    { label: 'Media', value: drive.media.toUpperCase() },
    {
      label: 'RPM',
      value: drive.media === 'ssd' || drive.rpm === 0 ? 'n/a (solid state)' : String(drive.rpm),
    },
    { label: 'Capacity', value: formatTB(drive.capacityBytes) },
    { label: 'Tags', value: drive.tags.length > 0 ? drive.tags.join(', ') : 'none' },
    {
      label: 'Enclosure',
      value: enclosure ? `${enclosure.name} (${enclosure.id})` : `${drive.enclosure} (not in inventory)`,
    },
    { label: 'Rack', value: rack ? rack.name : (enclosure?.rack ?? 'unknown') },
    { label: 'Bay', value: String(drive.bay) },
    { label: 'Health', value: drive.health },
  ];
}

/** An enclosure's details, with how many of its bays hold drives. */
export function describeEnclosure(model: TopologyModel, enclosure: Enclosure): DetailRow[] {
  const rack = model.racks.get(enclosure.rack);
  return [
    { label: 'Enclosure', value: `${enclosure.name} (${enclosure.id})` },
    { label: 'State', value: enclosure.state },
    { label: 'Kind', value: `${enclosure.kind.toUpperCase()} · ${enclosure.model}` },
    { label: 'Drives', value: `${enclosureSlots(model, enclosure.id).length} in ${enclosure.bayCount} bays` },
    { label: 'Rack', value: rack ? rack.name : enclosure.rack },
    { label: 'Storage group', value: enclosure.storageGroup },
    { label: 'Transports', value: enclosure.transports.join(', ') },
  ];
}
