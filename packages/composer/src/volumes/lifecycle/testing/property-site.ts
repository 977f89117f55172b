import type { Drive, Enclosure, Server, Volume } from '@drivebay/api-types';
import { buildDrive, buildEnclosure, buildServer } from '../../../testing/builders.js';
import type { PlacementPlan } from '../../types.js';
import { createVolume } from '../create-volume.js';
import { buildRequest, FakeSite, planned, T0, testContext } from './fixtures.js';

/**
 * Test support for the property test: a small site of three enclosures, three servers (one
 * down) and four volumes covering every layout and both reclaim policies, plus a spare drive
 * per enclosure for rebuilds.
 */
export function propertySite() {
  const enclosures: Enclosure[] = [0, 1, 2].map((i) =>
    buildEnclosure({ kind: 'ebod', storageGroup: `feed-${i}` }),
  );
  const drives = (e: number, n: number, media: 'ssd' | 'hdd') =>
    Array.from({ length: n }, () => buildDrive({ media, enclosure: enclosures[e]!.id }));
  const [e0, e1, e2] = [drives(0, 4, 'ssd'), drives(1, 4, 'ssd'), drives(2, 4, 'ssd')];
  const spares = [drives(0, 1, 'ssd')[0]!, drives(1, 1, 'ssd')[0]!, drives(2, 1, 'ssd')[0]!];
  const servers: Server[] = [
    buildServer({ transports: ['iscsi', 'nvmetcp', 'roce'] }),
    buildServer(),
    buildServer({ state: 'down' }),
  ];
  const all: Drive[] = [...e0!, ...e1!, ...e2!, ...spares];
  const site = new FakeSite({ drives: all, enclosures, servers });
  const [E0, E1, E2] = enclosures as [Enclosure, Enclosure, Enclosure];
  const make = (
    name: string,
    plan: PlacementPlan,
    slice: boolean,
    reclaimPolicy: 'Delete' | 'Retain',
  ): Volume =>
    createVolume(
      buildRequest({ name, reclaimPolicy, parameters: slice ? { type: 'slice' } : { type: 'ssd' } }),
      plan,
      { ...testContext(T0), encryptionKeyId: null },
    ).volume;
  const plan = (
    layout: PlacementPlan['layout'],
    capacityBytes: number,
    members: PlacementPlan['members'],
  ) => ({
    layout,
    media: 'ssd' as const,
    capacityBytes,
    members,
    explanation: [],
    warnings: [],
  });
  const GiB10 = 10 * 1024 ** 3;
  const volumes: Volume[] = [
    make('v-single', plan('single', GiB10, [planned(e0![0]!, E0, 0, 0, 10)]), true, 'Delete'),
    make(
      'v-mirror',
      plan('raid1', GiB10, [planned(e0![1]!, E0, 0, 0, 10), planned(e1![0]!, E1, 0, 1, 10)]),
      true,
      'Retain',
    ),
    make(
      'v-raid10',
      plan('raid10', 2 * e0![2]!.capacityBytes, [
        planned(e0![2]!, E0, 0, 0),
        planned(e1![1]!, E1, 0, 1),
        planned(e1![2]!, E1, 1, 0),
        planned(e2![0]!, E2, 1, 1),
      ]),
      false,
      'Delete',
    ),
    make(
      'v-whole',
      plan('raid1', e2![1]!.capacityBytes, [planned(e2![1]!, E2, 0, 0), planned(e0![3]!, E0, 0, 1)]),
      false,
      'Retain',
    ),
  ];
  return { site, enclosures, drives: all, spares, servers, volumes };
}
