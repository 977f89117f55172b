import {
  type Drive,
  type Enclosure,
  GIB,
  type Server,
  type Volume,
  type VolumeRequest,
  type VolumeRequestInput,
  VolumeRequestSchema,
} from '@drivebay/api-types';
import type { DecisionContext } from '../../../inventory/decision.js';
import { buildDrive, buildEnclosure, buildServer } from '../../../testing/builders.js';
import type { PlacementPlan, PlannedMember, SiteView } from '../../types.js';
import { createVolume } from '../create-volume.js';

/** Test support for the lifecycle tests: contexts, a mutable site, and volumes built the real way. */

export const T0 = '2026-11-22T00:00:00.000Z';

/** A context with a fixed actor and time and sequential event ids. */
export function testContext(now = T0, actor = 'user:test'): DecisionContext {
  let n = 0;
  return { actor, now, nextEventId: () => `ev-${actor}-${now}-${++n}` };
}

/** A SiteView over maps that a test can change (fail a drive, take an enclosure offline). */
export class FakeSite implements SiteView {
  readonly drives = new Map<string, Drive>();
  readonly enclosures = new Map<string, Enclosure>();
  readonly servers = new Map<string, Server>();

  constructor(parts: { drives?: Drive[]; enclosures?: Enclosure[]; servers?: Server[] } = {}) {
    for (const d of parts.drives ?? []) this.drives.set(d.id, d);
    for (const e of parts.enclosures ?? []) this.enclosures.set(e.id, e);
    for (const s of parts.servers ?? []) this.servers.set(s.id, s);
  }
  drive(id: string) {
    return this.drives.get(id);
  }
  enclosure(id: string) {
    return this.enclosures.get(id);
  }
  server(id: string) {
    return this.servers.get(id);
  }
  setDrive(id: string, health: Drive['health']): void {
    this.drives.set(id, { ...this.drives.get(id)!, health });
  }
  setEnclosure(id: string, state: Enclosure['state']): void {
    this.enclosures.set(id, { ...this.enclosures.get(id)!, state });
  }
}

/** A parsed request, defaults applied as the API would. */
export function buildRequest(input: Partial<VolumeRequestInput> = {}): VolumeRequest {
  return VolumeRequestSchema.parse({ name: 'pvc-test', capacityBytes: 10 * GIB, ...input });
}

/** A planned member on a drive; a slice when `sizeGiB` is given. */
export function planned(
  drive: Drive,
  enclosure: Enclosure,
  set: number,
  copy: number,
  sizeGiB?: number,
): PlannedMember {
  return {
    driveId: drive.id,
    enclosureId: enclosure.id,
    storageGroup: enclosure.storageGroup,
    ...(sizeGiB ? { slice: { offsetGiB: 0, sizeGiB } } : {}),
    set,
    copy,
  };
}

/**
 * A site with `sets` × `copies` drives, each copy in its own enclosure (as jbodResiliency
 * requires), one up server, and a volume over them: raid1 for 1×2, raid10 for n×2, single for 1×1.
 */
export function fixture(
  options: { sets?: number; copies?: number; slice?: boolean; request?: Partial<VolumeRequestInput> } = {},
) {
  const sets = options.sets ?? 1;
  const copies = options.copies ?? 2;
  const media = options.slice ? 'ssd' : 'hdd';
  const enclosures = Array.from({ length: copies }, (_, c) =>
    buildEnclosure({ kind: options.slice ? 'ebod' : 'jbod', storageGroup: `feed-${c}` }),
  );
  const drives: Drive[] = [];
  const members: PlannedMember[] = [];
  for (let s = 0; s < sets; s++)
    for (let c = 0; c < copies; c++) {
      const enclosure = enclosures[c]!;
      const drive = buildDrive({ media, enclosure: enclosure.id });
      drives.push(drive);
      members.push(planned(drive, enclosure, s, c, options.slice ? 10 : undefined));
    }
  const server = buildServer({ transports: ['iscsi', 'nvmetcp', 'roce'] });
  const spare = enclosures.map((e) => buildDrive({ media, enclosure: e.id }));
  const site = new FakeSite({ drives: [...drives, ...spare], enclosures, servers: [server] });
  const request = buildRequest({ parameters: options.slice ? { type: 'slice' } : {}, ...options.request });
  const perMember = options.slice ? 10 * GIB : drives[0]!.capacityBytes;
  const plan: PlacementPlan = {
    layout: copies === 1 && sets === 1 ? 'single' : sets === 1 ? 'raid1' : 'raid10',
    media,
    capacityBytes: perMember * sets,
    members,
    explanation: [],
    warnings: [],
  };
  const volume: Volume = createVolume(request, plan, { ...testContext(), encryptionKeyId: null }).volume;
  return { site, enclosures, drives, spare, server, request, plan, volume };
}
