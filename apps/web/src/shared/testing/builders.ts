import type { Drive, Enclosure, Rack, Server, TopologyDelta } from '@drivebay/api-types';

/** A drive with sensible defaults; override what the test is about. */
export function buildDrive(overrides: Partial<Drive> = {}): Drive {
  return {
    id: 'drive-1',
    serial: 'SN-0001',
    model: 'HGST HUH721212AL',
    enclosure: 'enc-1',
    bay: 0,
    media: 'hdd',
    rpm: 7200,
    capacityBytes: 12_000_000_000_000,
    tags: [],
    health: 'ok',
    ...overrides,
  };
}

/** An online 24-bay enclosure in rack-1. */
export function buildEnclosure(overrides: Partial<Enclosure> = {}): Enclosure {
  return {
    id: 'enc-1',
    name: 'JBOD 1',
    rack: 'rack-1',
    kind: 'jbod',
    model: 'WD Ultrastar Data102',
    bayCount: 24,
    storageGroup: 'power-a',
    bandwidthDomain: 'spine-1',
    transports: ['iscsi'],
    state: 'online',
    ...overrides,
  };
}

/** A rack at row 0, position 0. */
export function buildRack(overrides: Partial<Rack> = {}): Rack {
  return { id: 'rack-1', name: 'Rack 1', row: 0, position: 0, ...overrides };
}

/** A server that is up. */
export function buildServer(overrides: Partial<Server> = {}): Server {
  return {
    id: 'server-1',
    hostname: 'node-1',
    rack: 'rack-1',
    transports: ['iscsi'],
    state: 'up',
    ...overrides,
  };
}

/** Shorthands for deltas in reducer tests. */
export const delta = {
  drivePut: (revision: number, drive: Drive): TopologyDelta => ({ revision, type: 'drive.put', drive }),
  driveDelete: (revision: number, id: string): TopologyDelta => ({ revision, type: 'drive.delete', id }),
  enclosurePut: (revision: number, enclosure: Enclosure): TopologyDelta => ({
    revision,
    type: 'enclosure.put',
    enclosure,
  }),
  enclosureDelete: (revision: number, id: string): TopologyDelta => ({
    revision,
    type: 'enclosure.delete',
    id,
  }),
  rackPut: (revision: number, rack: Rack): TopologyDelta => ({ revision, type: 'rack.put', rack }),
  rackDelete: (revision: number, id: string): TopologyDelta => ({ revision, type: 'rack.delete', id }),
  serverPut: (revision: number, server: Server): TopologyDelta => ({ revision, type: 'server.put', server }),
  serverDelete: (revision: number, id: string): TopologyDelta => ({ revision, type: 'server.delete', id }),
};
