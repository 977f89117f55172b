import {
  type DomainEvent,
  DomainEventSchema,
  DriveSchema,
  EnclosureSchema,
  RackSchema,
  ServerSchema,
  SiteSchema,
  type TopologyDelta,
  VolumeSchema,
} from '@drivebay/api-types';
import type { InventoryChange } from '@drivebay/composer';
import type { Change } from '../store/types.js';
import { kubeKeyKind } from './kube-view.js';

/**
 * The store's key layout. One key per record, so a drive failing rewrites one small entry
 * and the change feed says exactly what changed.
 */
export const keys = {
  site: 'site',
  rack: (id: string) => `racks/${id}`,
  enclosure: (id: string) => `enclosures/${id}`,
  drive: (id: string) => `drives/${id}`,
  server: (id: string) => `servers/${id}`,
  volume: (id: string) => `volumes/${id}`,
  /** One key per drive that holds volume data: writing it is how compositions collide safely. */
  allocation: (driveId: string) => `allocations/${driveId}`,
  /** Events sort by time, then by a sequence that is unique within the process. */
  event: (event: DomainEvent) => `events/${event.id}`,
};

export const inventoryPrefixes = ['site', 'racks/', 'enclosures/', 'drives/', 'servers/'] as const;

/** The store key an inventory change writes. */
export function keyOfChange(change: InventoryChange): string {
  const id = change.op === 'put' ? (change.kind === 'site' ? '' : change.value.id) : change.id;
  switch (change.kind) {
    case 'site':
      return keys.site;
    case 'rack':
      return keys.rack(id);
    case 'enclosure':
      return keys.enclosure(id);
    case 'drive':
      return keys.drive(id);
    case 'server':
      return keys.server(id);
  }
}

/**
 * Reads a store change back as an inventory change. Values are parsed: the store is a
 * boundary, and a record that no longer fits the schema must not reach the composer.
 */
export function inventoryChangeOf(change: Change): InventoryChange | undefined {
  const [prefix, id = ''] = splitKey(change.key);
  const put = change.type === 'put';
  switch (prefix) {
    case 'site':
      return put ? { kind: 'site', op: 'put', value: SiteSchema.parse(change.value) } : undefined;
    case 'racks':
      return put
        ? { kind: 'rack', op: 'put', value: RackSchema.parse(change.value) }
        : { kind: 'rack', op: 'delete', id };
    case 'enclosures':
      return put
        ? { kind: 'enclosure', op: 'put', value: EnclosureSchema.parse(change.value) }
        : { kind: 'enclosure', op: 'delete', id };
    case 'drives':
      return put
        ? { kind: 'drive', op: 'put', value: DriveSchema.parse(change.value) }
        : { kind: 'drive', op: 'delete', id };
    case 'servers':
      return put
        ? { kind: 'server', op: 'put', value: ServerSchema.parse(change.value) }
        : { kind: 'server', op: 'delete', id };
    default:
      return undefined;
  }
}

/** The live delta a browser receives for a store change, if the change is one it shows. */
export function deltaOf(change: Change): TopologyDelta | undefined {
  const { revision } = change;
  if (change.key.startsWith('events/')) {
    return change.type === 'put'
      ? { revision, type: 'event', event: { ...DomainEventSchema.parse(change.value), revision } }
      : undefined;
  }
  if (change.key.startsWith('volumes/')) {
    return change.type === 'put'
      ? { revision, type: 'volume.put', volume: VolumeSchema.parse(change.value) }
      : { revision, type: 'volume.delete', id: change.key.slice('volumes/'.length) };
  }
  const kube = kubeKeyKind(change.key);
  if (kube) return { revision, type: 'kube.changed', cluster: kube.cluster, kind: kube.kind };
  const inventory = inventoryChangeOf(change);
  if (!inventory) return undefined;
  if (inventory.op === 'put') {
    switch (inventory.kind) {
      case 'site':
        return { revision, type: 'site.put', site: inventory.value };
      case 'rack':
        return { revision, type: 'rack.put', rack: inventory.value };
      case 'enclosure':
        return { revision, type: 'enclosure.put', enclosure: inventory.value };
      case 'drive':
        return { revision, type: 'drive.put', drive: inventory.value };
      case 'server':
        return { revision, type: 'server.put', server: inventory.value };
    }
  }
  return { revision, type: `${inventory.kind}.delete`, id: inventory.id };
}

function splitKey(key: string): [string, string?] {
  const slash = key.indexOf('/');
  return slash < 0 ? [key] : [key.slice(0, slash), key.slice(slash + 1)];
}
