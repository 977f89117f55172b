import type { Drive, DriveHealth, Enclosure, Rack, Server, TopologySnapshot } from '@drivebay/api-types';

/**
 * A site's records with the drives decoded: the shape topology's `modelFromRecords` takes.
 * Spelled out here because shared code does not import from features.
 */
export interface SiteRecords {
  revision: number;
  site: TopologySnapshot['site'];
  racks: Rack[];
  enclosures: Enclosure[];
  servers: Server[];
  drives: Drive[];
}

/** Size and failure mix of a generated site. */
export interface SiteShape {
  rows: number;
  racksPerRow: number;
  enclosuresPerRack: number;
  baysPerEnclosure: number;
  /** Fraction of bays left empty. */
  emptyRate?: number;
  failedRate?: number;
  degradedRate?: number;
  /** Enclosure ids (by index) to mark offline. */
  offlineEnclosures?: readonly number[];
  servers?: number;
  seed?: number;
}

/** Small deterministic PRNG (mulberry32), so a failing test reproduces. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole site's records, e.g. 300 racks x 5 enclosures x 68 bays ~ 100,000 drives. */
export function generateSite(shape: SiteShape): SiteRecords {
  const random = seededRandom(shape.seed ?? 1);
  const offline = new Set(shape.offlineEnclosures ?? []);
  const racks: Rack[] = [];
  const enclosures: Enclosure[] = [];
  const drives: Drive[] = [];
  for (let row = 0; row < shape.rows; row++) {
    for (let position = 0; position < shape.racksPerRow; position++) {
      const rack: Rack = { id: `rack-${row}-${position}`, name: `R${row}-${position}`, row, position };
      racks.push(rack);
      for (let e = 0; e < shape.enclosuresPerRack; e++) {
        const index = enclosures.length;
        const enclosure: Enclosure = {
          id: `enc-${index}`,
          name: `JBOD ${index}`,
          rack: rack.id,
          kind: index % 3 === 0 ? 'ebod' : 'jbod',
          model: 'Data102',
          bayCount: shape.baysPerEnclosure,
          storageGroup: `power-${row % 2 === 0 ? 'a' : 'b'}`,
          bandwidthDomain: `spine-${row}`,
          transports: ['iscsi', 'nvmetcp'],
          state: offline.has(index) ? 'offline' : 'online',
        };
        enclosures.push(enclosure);
        for (let bay = 0; bay < shape.baysPerEnclosure; bay++) {
          if (random() < (shape.emptyRate ?? 0)) continue;
          drives.push(generateDrive(enclosure, bay, drives.length, random, shape));
        }
      }
    }
  }
  const servers: Server[] = Array.from({ length: shape.servers ?? 0 }, (_, i) => ({
    id: `server-${i}`,
    hostname: `node-${i}`,
    rack: racks[i % racks.length]?.id ?? 'rack-0-0',
    transports: ['iscsi'],
    state: 'up',
  }));
  return {
    revision: 1,
    site: { id: 'site-1', name: 'Test site', scale: 'large' },
    racks,
    enclosures,
    servers,
    drives,
  };
}

function generateDrive(
  enclosure: Enclosure,
  bay: number,
  n: number,
  random: () => number,
  shape: SiteShape,
): Drive {
  const ssd = bay % 8 === 7;
  const roll = random();
  let health: DriveHealth = 'ok';
  if (enclosure.state === 'offline') health = 'offline';
  else if (roll < (shape.failedRate ?? 0)) health = 'failed';
  else if (roll < (shape.failedRate ?? 0) + (shape.degradedRate ?? 0)) health = 'degraded';
  return {
    id: `drive-${n}`,
    serial: `SN${(100000 + n).toString(36).toUpperCase()}`,
    model: ssd ? 'Samsung PM1733' : 'WD Ultrastar HC550',
    enclosure: enclosure.id,
    bay,
    media: ssd ? 'ssd' : 'hdd',
    rpm: ssd ? 0 : 7200,
    capacityBytes: ssd ? 3_840_000_000_000 : 16_000_000_000_000,
    tags: ssd ? ['cache'] : [],
    health,
  };
}
