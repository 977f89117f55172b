import type { Transport } from '@drivebay/api-types';
import { type DriveModel, driveModelsFor, type EnclosureModel } from './catalog.js';
import type { Random, Weighted } from './random.js';

/** One enclosure as planned, before ids and serials are minted. */
export interface EnclosurePlan {
  model: EnclosureModel;
  driveModel: DriveModel;
  transports: readonly Transport[];
  /** Bays left without a drive. */
  emptyBays: number;
}

/** One rack as planned: where it stands and what it holds. */
export interface RackPlan {
  row: number;
  position: number;
  /** Storage group (power feed) of the enclosures in this rack. */
  storageGroup: string;
  enclosures: EnclosurePlan[];
  serverCount: number;
  serverTransports: readonly Transport[];
}

// Every server speaks iSCSI and NVMe/TCP; those with RDMA NICs also speak RoCE.
const SERVER_TRANSPORTS: readonly Weighted<readonly Transport[]>[] = [
  [['iscsi', 'nvmetcp'], 3],
  [['iscsi', 'nvmetcp', 'roce'], 2],
];

/** An enclosure of `model`, filled with one drive model (a shelf is bought populated). */
export function planEnclosure(random: Random, model: EnclosureModel): EnclosurePlan {
  return {
    model,
    driveModel: random.weighted(driveModelsFor(model.formFactor)),
    transports: random.weighted(model.transports),
    emptyBays: 0,
  };
}

/** An empty rack at a place on the floor; servers in one rack are one generation, so share transports. */
export function planRack(random: Random, row: number, position: number, storageGroup: string): RackPlan {
  return {
    row,
    position,
    storageGroup,
    enclosures: [],
    serverCount: 0,
    serverTransports: random.weighted(SERVER_TRANSPORTS),
  };
}

/** Total drives the planned enclosures will hold. */
export function plannedDrives(enclosures: readonly EnclosurePlan[]): number {
  return enclosures.reduce((sum, e) => sum + e.model.bayCount - e.emptyBays, 0);
}
