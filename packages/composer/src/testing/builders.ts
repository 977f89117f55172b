import type { Drive, Enclosure, Rack, Server } from '@drivebay/api-types';

// One counter for every builder, so ids never repeat within a test run.
let counter = 0;

function nextNumber(): number {
  counter += 1;
  return counter;
}

function padded(n: number): string {
  return String(n).padStart(6, '0');
}

/** A healthy drive: a 12 TB 7,200-rpm HDD by default, a 3.84 TB NVMe SSD if `media: 'ssd'`. */
export function buildDrive(overrides: Partial<Drive> = {}): Drive {
  const n = nextNumber();
  const serial = overrides.serial ?? `BLD${padded(n)}`;
  const defaults: Drive =
    overrides.media === 'ssd'
      ? {
          id: `drv-${serial.toLowerCase()}`,
          serial,
          model: 'Micron 7450 PRO MTFDKCC3T8TFR',
          enclosure: 'enc-test-1',
          bay: (n - 1) % 24,
          media: 'ssd',
          rpm: 0,
          capacityBytes: 3_840_000_000_000,
          tags: ['nvme'],
          health: 'ok',
        }
      : {
          id: `drv-${serial.toLowerCase()}`,
          serial,
          model: 'WDC Ultrastar DC HC520 HUH721212AL5204',
          enclosure: 'enc-test-1',
          bay: (n - 1) % 60,
          media: 'hdd',
          rpm: 7200,
          capacityBytes: 12_000_000_000_000,
          tags: [],
          health: 'ok',
        };
  return { ...defaults, ...overrides };
}

/** An online 60-bay HDD JBOD by default; pass `kind: 'ebod'` for a 24-bay flash eBOD. */
export function buildEnclosure(overrides: Partial<Enclosure> = {}): Enclosure {
  const n = nextNumber();
  const flash = overrides.kind === 'ebod';
  return {
    id: `enc-test-${n}`,
    name: `Test enclosure ${n}`,
    rack: 'rack-test-1',
    kind: flash ? 'ebod' : 'jbod',
    model: flash ? 'Western Digital OpenFlex Data24' : 'Western Digital Ultrastar Data60',
    bayCount: flash ? 24 : 60,
    storageGroup: 'feed-1',
    bandwidthDomain: 'tor-test-1',
    transports: flash ? ['iscsi', 'nvmetcp', 'roce'] : ['iscsi', 'nvmetcp'],
    state: 'online',
    ...overrides,
  };
}

/** A server that is up and speaks iSCSI and NVMe/TCP. */
export function buildServer(overrides: Partial<Server> = {}): Server {
  const n = nextNumber();
  return {
    id: `srv-test-${n}`,
    hostname: `k8s-test-${n}`,
    rack: 'rack-test-1',
    transports: ['iscsi', 'nvmetcp'],
    state: 'up',
    ...overrides,
  };
}

/** A rack in row 0. */
export function buildRack(overrides: Partial<Rack> = {}): Rack {
  const n = nextNumber();
  return { id: `rack-test-${n}`, name: `Test rack ${n}`, row: 0, position: n, ...overrides };
}
