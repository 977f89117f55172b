import { encodeDriveColumns, type TopologySnapshot, TopologySnapshotSchema } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildDrive, buildEnclosure, buildRack } from '../../../shared/testing/builders';
import { generateSite } from '../../../shared/testing/generateSite';
import { buildTopologyModel } from './buildTopologyModel';
import { driveById, driveInBay, enclosureSlots } from './topologyModel';

function snapshotOf(
  drives = [buildDrive({ id: 'd0' }), buildDrive({ id: 'd1', bay: 1, health: 'failed', tags: ['a', 'b'] })],
) {
  return {
    revision: 7,
    site: null,
    racks: [buildRack()],
    enclosures: [buildEnclosure()],
    servers: [],
    locates: [],
    drives: encodeDriveColumns(drives),
  } satisfies TopologySnapshot;
}

describe('buildTopologyModel', () => {
  it('decodes the columnar drives into slots, indexes and counts', () => {
    const model = buildTopologyModel(snapshotOf());
    expect(model.revision).toBe(7);
    expect(model.driveCount).toBe(2);
    expect(driveById(model, 'd1')).toMatchObject({ bay: 1, health: 'failed', tags: ['a', 'b'] });
    expect(driveInBay(model, 'enc-1', 0)?.id).toBe('d0');
    expect(enclosureSlots(model, 'enc-1')).toEqual([0, 1]);
    expect(model.healthCounts).toEqual({ ok: 1, degraded: 0, failed: 1, offline: 0 });
  });

  it('rejects columns of different lengths', () => {
    const snapshot = snapshotOf();
    snapshot.drives.bay.pop();
    expect(() => buildTopologyModel(snapshot)).toThrow('drive column "bay" has 1 rows, expected 2');
  });

  it('rejects dictionary codes out of range and unknown health values', () => {
    const badCode = snapshotOf();
    badCode.drives.model.codes[1] = 9;
    expect(() => buildTopologyModel(badCode)).toThrow('code 9 out of range');
    const badHealth = snapshotOf();
    badHealth.drives.health.values[0] = 'on-fire';
    expect(() => buildTopologyModel(badHealth)).toThrow('unknown drive health "on-fire"');
  });

  it('parses and builds a 100,000-drive snapshot', () => {
    const site = generateSite({ rows: 10, racksPerRow: 30, enclosuresPerRack: 5, baysPerEnclosure: 68 });
    const json = JSON.stringify({ ...site, locates: [], drives: encodeDriveColumns(site.drives) });
    const model = buildTopologyModel(TopologySnapshotSchema.parse(JSON.parse(json)));
    expect(model.driveCount).toBe(102_000);
    expect(model.enclosures.size).toBe(1_500);
  });
});
