import {
  type Claim,
  type Drive,
  type Enclosure,
  type Pod,
  type Rack,
  type Server,
  StorageClassParametersSchema,
  type Volume,
  type VolumeMember,
} from '@drivebay/api-types';

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

/** An active whole-drive member of set 0, copy 0. */
export function buildMember(overrides: Partial<VolumeMember> = {}): VolumeMember {
  return {
    driveId: 'drive-1',
    enclosureId: 'enc-1',
    storageGroup: 'sg-a',
    set: 0,
    copy: 0,
    state: 'active',
    ...overrides,
  };
}

/** A healthy, published single-drive HDD volume; override what the test is about. */
export function buildVolume(overrides: Partial<Volume> = {}): Volume {
  const name = overrides.name ?? overrides.id ?? 'pvc-1';
  return {
    id: name,
    name,
    cluster: 'default',
    logicalNode: `ln-${name}`,
    request: {
      name,
      capacityBytes: 100_000_000_000,
      reclaimPolicy: 'Delete',
      volumeMode: 'Filesystem',
      cluster: 'default',
      parameters: StorageClassParametersSchema.parse({}),
    },
    layout: 'single',
    media: 'hdd',
    capacityBytes: 12_000_000_000_000,
    members: [buildMember()],
    transport: 'iscsi',
    lifecycle: 'NodePublished',
    health: 'healthy',
    server: 'server-1',
    stagingPath: '/var/lib/kubelet/staging/pvc-1',
    targetPaths: ['/var/lib/kubelet/pods/abc/volumes/pvc-1'],
    encryptionKeyId: null,
    createdAt: '2025-06-01T10:00:00.000Z',
    updatedAt: '2025-06-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A running, ready pod of StatefulSet cassandra using volume pvc-1 through its claim. */
export function buildPod(overrides: Partial<Pod> = {}): Pod {
  return {
    cluster: 'sim',
    namespace: 'cassandra',
    name: 'cassandra-0',
    uid: 'uid-pod-0',
    phase: 'Running',
    ready: true,
    restarts: 0,
    node: 'node-1',
    server: 'srv-1',
    workload: { kind: 'StatefulSet', name: 'cassandra' },
    claims: ['data-cassandra-0'],
    volumeIds: ['pvc-1'],
    startedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A claim bound to Drivebay volume pvc-1. */
export function buildClaim(overrides: Partial<Claim> = {}): Claim {
  return {
    cluster: 'sim',
    namespace: 'cassandra',
    name: 'data-cassandra-0',
    uid: 'uid-claim-0',
    phase: 'Bound',
    storageClass: 'drivebay-hdd',
    requestBytes: 100_000_000_000,
    pv: 'pv-1',
    driver: 'csi.drivebay.io',
    volumeHandle: 'pvc-1',
    volumeId: 'pvc-1',
    ...overrides,
  };
}
