import { encodeDriveColumns } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildDrive, buildEnclosure, buildRack } from '../../../testing/builders';
import { buildTopologyModel } from '../../topology/model/buildTopologyModel';
import { buildMember, buildVolume } from '../../volumes/testing/buildVolume';
import { incidentReport } from './incidentReport';

const model = buildTopologyModel({
  revision: 42,
  site: null,
  racks: [buildRack()],
  enclosures: [buildEnclosure({ id: 'enc-1' }), buildEnclosure({ id: 'enc-2', state: 'offline' })],
  servers: [],
  drives: encodeDriveColumns([
    buildDrive({ id: 'd-ok', enclosure: 'enc-1' }),
    buildDrive({ id: 'd-deg', enclosure: 'enc-1', bay: 1, health: 'degraded' }),
    buildDrive({ id: 'd-off', enclosure: 'enc-2', bay: 0, health: 'offline' }),
    buildDrive({ id: 'd-fail', enclosure: 'enc-1', bay: 2, health: 'failed' }),
  ]),
});

const rebuild = (progress: number, eta: string) => ({ progress, eta, startedAt: '2026-12-01T00:00:00Z' });

describe('incidentReport', () => {
  it('lists offline enclosures and unhealthy drives, failed first', () => {
    const report = incidentReport(model, [], new Date('2026-12-01T03:00:00Z'));
    expect(report).toMatchObject({ revision: 42, generatedAt: '2026-12-01T03:00:00.000Z' });
    expect(report.enclosuresOffline).toMatchObject([{ id: 'enc-2', firstDriveId: 'd-off' }]);
    expect(report.drives.map((d) => [d.id, d.health])).toEqual([
      ['d-fail', 'failed'],
      ['d-off', 'offline'],
      ['d-deg', 'degraded'],
    ]);
  });

  it('sorts volumes by what they lost and names the drives behind it', () => {
    const failed = buildVolume({
      id: 'v-failed',
      name: 'v-failed',
      health: 'failed',
      members: [buildMember({ driveId: 'd-fail', state: 'failed' })],
    });
    const degraded = buildVolume({
      id: 'v-deg',
      name: 'v-deg',
      health: 'degraded',
      members: [
        buildMember({ driveId: 'd-ok' }),
        buildMember({ driveId: 'd-off', copy: 1, state: 'failed' }),
      ],
    });
    const rebuilding = buildVolume({
      id: 'v-reb',
      name: 'v-reb',
      health: 'rebuilding',
      members: [
        buildMember({ driveId: 'a', state: 'rebuilding', rebuild: rebuild(0.5, '2026-12-01T04:00:00Z') }),
        buildMember({
          driveId: 'b',
          set: 1,
          state: 'rebuilding',
          rebuild: rebuild(0.2, '2026-12-01T05:00:00Z'),
        }),
      ],
    });
    const report = incidentReport(model, [failed, degraded, rebuilding], new Date());
    expect(report.lostAvailability.map((v) => v.id)).toEqual(['v-failed']);
    expect(report.lostRedundancy).toMatchObject([{ id: 'v-deg', drives: ['d-off'] }]);
    expect(report.rebuilding).toMatchObject([
      { id: 'v-reb', drives: ['a', 'b'], rebuild: { progress: 0.2, eta: '2026-12-01T05:00:00Z' } },
    ]);
  });
});
