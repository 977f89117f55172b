import type { Enclosure, Media, Transport } from '@drivebay/api-types';
import type { Weighted } from './random.js';

/** Which drives fit which bays: 3.5" SAS, 2.5" SAS, or U.2/U.3 NVMe. */
export type FormFactor = 'lff-sas' | 'sff-sas' | 'nvme';

/** An enclosure product: its bays, its height and the transports it ships with. */
export interface EnclosureModel {
  model: string;
  /** Short label for enclosure names ("Data60 A01-1"). */
  shortName: string;
  kind: Enclosure['kind'];
  bayCount: number;
  rackUnits: number;
  formFactor: FormFactor;
  /** Transport sets this model is sold with, most common first. */
  transports: readonly Weighted<readonly Transport[]>[];
}

/** A drive product, with the serial format its vendor uses. */
export interface DriveModel {
  model: string;
  media: Media;
  /** Spindle speed; 0 for SSDs. */
  rpm: number;
  /** Decimal bytes, the way vendors sell them. */
  capacityBytes: number;
  formFactor: FormFactor;
  tags: readonly string[];
  serialPrefix: string;
  /** Whole serial length, prefix included. */
  serialLength: number;
  /** How often this model is bought for a bay of its form factor. */
  weight: number;
}

// SAS shelves reach the fabric through an iSCSI head; newer heads also speak NVMe/TCP.
const SAS_HEAD: readonly Weighted<readonly Transport[]>[] = [
  [['iscsi'], 3],
  [['iscsi', 'nvmetcp'], 2],
];
const NVME_OF: readonly Weighted<readonly Transport[]>[] = [[['iscsi', 'nvmetcp', 'roce'], 1]];

/** 60-bay 4U 3.5" HDD JBOD. */
export const DATA60: EnclosureModel = {
  model: 'Western Digital Ultrastar Data60',
  shortName: 'Data60',
  kind: 'jbod',
  bayCount: 60,
  rackUnits: 4,
  formFactor: 'lff-sas',
  transports: SAS_HEAD,
};

/** 102-bay 4U 3.5" HDD JBOD. */
export const DATA102: EnclosureModel = {
  model: 'Western Digital Ultrastar Data102',
  shortName: 'Data102',
  kind: 'jbod',
  bayCount: 102,
  rackUnits: 4,
  formFactor: 'lff-sas',
  transports: SAS_HEAD,
};

/** 84-bay 5U 3.5" HDD JBOD. */
export const EXOS_5U84: EnclosureModel = {
  model: 'Seagate Exos E 5U84',
  shortName: 'Exos5U84',
  kind: 'jbod',
  bayCount: 84,
  rackUnits: 5,
  formFactor: 'lff-sas',
  transports: SAS_HEAD,
};

/** 25-bay 2U 2.5" SAS JBOD for 10,000-rpm drives. */
export const D3700: EnclosureModel = {
  model: 'HPE D3700 Enclosure',
  shortName: 'D3700',
  kind: 'jbod',
  bayCount: 25,
  rackUnits: 2,
  formFactor: 'sff-sas',
  transports: SAS_HEAD,
};

/** 24-bay 2U NVMe-oF flash eBOD. */
export const DATA24: EnclosureModel = {
  model: 'Western Digital OpenFlex Data24',
  shortName: 'Data24',
  kind: 'ebod',
  bayCount: 24,
  rackUnits: 2,
  formFactor: 'nvme',
  transports: NVME_OF,
};

/** Every enclosure model the generator knows. */
export const ENCLOSURE_MODELS: readonly EnclosureModel[] = [DATA60, DATA102, EXOS_5U84, D3700, DATA24];

const TB = 1_000_000_000_000;

/** What differs between drive models beyond media, capacity and speed. */
type DriveSpec = Pick<DriveModel, 'serialPrefix' | 'weight'> &
  Partial<Pick<DriveModel, 'serialLength' | 'tags'>>;

function hdd(model: string, tb: number, rpm: number, spec: DriveSpec): DriveModel {
  return {
    model,
    media: 'hdd',
    rpm,
    capacityBytes: Math.round(tb * TB),
    // 10,000-rpm drives only come in 2.5".
    formFactor: rpm > 7200 ? 'sff-sas' : 'lff-sas',
    tags: spec.tags ?? [],
    serialPrefix: spec.serialPrefix,
    serialLength: spec.serialLength ?? 8,
    weight: spec.weight,
  };
}

function ssd(model: string, tb: number, spec: DriveSpec): DriveModel {
  return {
    model,
    media: 'ssd',
    rpm: 0,
    capacityBytes: Math.round(tb * TB),
    formFactor: 'nvme',
    tags: spec.tags ?? ['nvme'],
    serialPrefix: spec.serialPrefix,
    serialLength: spec.serialLength ?? 12,
    weight: spec.weight,
  };
}

/** Every drive model the generator knows. */
export const DRIVE_MODELS: readonly DriveModel[] = [
  hdd('HGST Ultrastar He8 HUH728080AL5200', 8, 7200, { serialPrefix: 'VK', weight: 1 }),
  hdd('WDC Ultrastar DC HC520 HUH721212AL5204', 12, 7200, { serialPrefix: '8HG', weight: 2 }),
  hdd('WDC Ultrastar DC HC520 HUH721212AL4205', 12, 7200, { serialPrefix: '8HK', weight: 1, tags: ['sed'] }),
  hdd('Seagate Exos X16 ST16000NM002G', 16, 7200, { serialPrefix: 'ZL2', weight: 3 }),
  hdd('WDC Ultrastar DC HC560 WUH722020BL5204', 20, 7200, {
    serialPrefix: '9JG',
    weight: 2,
    tags: ['archive'],
  }),
  hdd('Seagate Exos 10E2400 ST1200MM0009', 1.2, 10_000, { serialPrefix: 'WFK', weight: 1, tags: ['fast'] }),
  hdd('Seagate Exos 10E2400 ST2400MM0129', 2.4, 10_000, { serialPrefix: 'WBN', weight: 2, tags: ['fast'] }),
  ssd('Samsung PM1733 MZWLJ1T9HBJR-00007', 1.92, { serialPrefix: 'S4YN', serialLength: 14, weight: 1 }),
  ssd('Micron 7450 PRO MTFDKCC3T8TFR', 3.84, { serialPrefix: '22', serialLength: 12, weight: 3 }),
  ssd('Kioxia CM6-R KCM6XRUL7T68', 7.68, {
    serialPrefix: 'Y0S',
    serialLength: 12,
    weight: 2,
    tags: ['nvme', 'sed'],
  }),
  ssd('Solidigm D7-P5520 SSDPF2KX153T1', 15.36, { serialPrefix: 'PHAX', serialLength: 18, weight: 1 }),
];

/** The drive models that fit a bay of this form factor, weighted by how often they are bought. */
export function driveModelsFor(formFactor: FormFactor): Weighted<DriveModel>[] {
  return DRIVE_MODELS.filter((m) => m.formFactor === formFactor).map((m) => [m, m.weight] as const);
}

/** The catalogue entry for a drive's model string, if the generator made it. */
export function findDriveModel(model: string): DriveModel | undefined {
  return DRIVE_MODELS.find((m) => m.model === model);
}
