import { encodeDriveColumns } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildDrive, buildEnclosure, buildRack } from '../../../shared/testing/builders';
import { buildMember, buildVolume } from '../../../shared/testing/buildVolume';
import { buildTopologyModel } from '../model/buildTopologyModel';
import { driveUsage } from '../model/driveUsage';
import { driveById } from '../model/topologyModel';
import { bayColouring } from './bayColouring';

const TB = 1e12;
const model = buildTopologyModel({
  revision: 1,
  site: null,
  racks: [buildRack()],
  enclosures: [
    buildEnclosure({ id: 'enc-1', storageGroup: 'sg-a' }),
    buildEnclosure({ id: 'enc-2', storageGroup: 'sg-b' }),
  ],
  servers: [],
  locates: [],
  drives: encodeDriveColumns([
    buildDrive({ id: 'hdd-1', enclosure: 'enc-1', media: 'hdd', rpm: 7200, capacityBytes: 4 * TB }),
    buildDrive({ id: 'ssd-1', enclosure: 'enc-1', bay: 1, media: 'ssd', rpm: 0, capacityBytes: 1024 ** 4 }),
    buildDrive({ id: 'ssd-2', enclosure: 'enc-2', bay: 0, media: 'ssd', rpm: 0, capacityBytes: 1024 ** 4 }),
  ]),
});
const volumes = [
  buildVolume({ id: 'v1', cluster: 'prod', members: [buildMember({ driveId: 'hdd-1' })] }),
  buildVolume({
    id: 'v2',
    cluster: 'prod',
    members: [buildMember({ driveId: 'ssd-1', slice: { offsetGiB: 0, sizeGiB: 256 } })],
  }),
  buildVolume({
    id: 'v3',
    cluster: 'dev',
    members: [buildMember({ driveId: 'ssd-1', slice: { offsetGiB: 256, sizeGiB: 300 } })],
  }),
];
const usage = driveUsage(volumes, (id) => driveById(model, id)?.capacityBytes);
const drive = (id: string) => driveById(model, id)!;

describe('driveUsage', () => {
  it('counts a whole drive as full and slices by their extent, with every cluster using it', () => {
    expect(usage.get('hdd-1')).toEqual({ usedShare: 1, clusters: new Set(['prod']) });
    expect(usage.get('ssd-1')?.usedShare).toBeCloseTo(556 / 1024);
    expect(usage.get('ssd-1')?.clusters).toEqual(new Set(['prod', 'dev']));
    expect(usage.has('ssd-2')).toBe(false);
  });
});

describe('bayColouring', () => {
  it('draws health with the map’s own colours', () => {
    expect(bayColouring('health', model, usage)).toBeNull();
  });

  it('colours by media, with rpm for HDDs, and counts each', () => {
    const colouring = bayColouring('media', model, usage)!;
    expect(colouring.legend.map((e) => [e.label, e.count])).toEqual([
      ['HDD 7200 rpm', 1],
      ['SSD', 2],
    ]);
    expect(colouring.colourOf(drive('ssd-1'))).toBe(colouring.colourOf(drive('ssd-2')));
    expect(colouring.colourOf(drive('hdd-1'))).not.toBe(colouring.colourOf(drive('ssd-1')));
  });

  it('bands utilisation and always lists every band', () => {
    const colouring = bayColouring('utilisation', model, usage)!;
    expect(colouring.legend.map((e) => [e.label, e.count])).toEqual([
      ['Unused', 1],
      ['1–25%', 0],
      ['26–50%', 0],
      ['51–75%', 1],
      ['76–100%', 1],
    ]);
  });

  it('names the owning cluster, or says several or none', () => {
    const colouring = bayColouring('cluster', model, usage)!;
    expect(Object.fromEntries(colouring.legend.map((e) => [e.label, e.count]))).toEqual({
      prod: 1,
      'Several clusters': 1,
      'No volume': 1,
    });
  });

  it('colours by the enclosure’s storage group', () => {
    const colouring = bayColouring('storageGroup', model, usage)!;
    expect(colouring.legend.map((e) => e.label)).toEqual(['sg-a', 'sg-b']);
  });
});
