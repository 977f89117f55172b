import { encodeDriveColumns } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildDrive, buildEnclosure, buildRack } from '../../../shared/testing/builders';
import { buildMember, buildVolume } from '../../../shared/testing/buildVolume';
import { buildTopologyModel } from './buildTopologyModel';
import { enclosureContents } from './enclosureContents';

const model = buildTopologyModel({
  revision: 1,
  site: null,
  racks: [buildRack()],
  enclosures: [buildEnclosure({ id: 'enc-1' }), buildEnclosure({ id: 'enc-2' })],
  servers: [],
  locates: [],
  drives: encodeDriveColumns([
    buildDrive({ id: 'a', enclosure: 'enc-1', bay: 0 }),
    buildDrive({ id: 'b', enclosure: 'enc-1', bay: 1, health: 'degraded' }),
    buildDrive({ id: 'c', enclosure: 'enc-1', bay: 2, health: 'failed' }),
    buildDrive({ id: 'd', enclosure: 'enc-2', bay: 0, health: 'failed' }),
  ]),
});

describe('enclosureContents', () => {
  it('counts its drives by health and lists the unhealthy ones worst first', () => {
    const contents = enclosureContents(model, 'enc-1', []);
    expect(contents.byHealth).toEqual({ ok: 1, degraded: 1, failed: 1, offline: 0 });
    expect(contents.unhealthy.map((d) => d.id)).toEqual(['c', 'b']);
  });

  it('lists the volumes with members in it, by name, with how many', () => {
    const here = (driveId: string, enclosureId: string) => buildMember({ driveId, enclosureId });
    const volumes = [
      buildVolume({ id: 'z', name: 'z-vol', members: [here('a', 'enc-1'), here('d', 'enc-2')] }),
      buildVolume({ id: 'y', name: 'y-vol', members: [here('a', 'enc-1'), here('b', 'enc-1')] }),
      buildVolume({ id: 'x', name: 'x-vol', members: [here('d', 'enc-2')] }),
    ];
    const contents = enclosureContents(model, 'enc-1', volumes);
    expect(contents.volumes.map((v) => [v.volume.name, v.membersHere])).toEqual([
      ['y-vol', 2],
      ['z-vol', 1],
    ]);
  });
});
