import { describe, expect, it } from 'vitest';
import { buildDrive, buildEnclosure, buildRack } from '../../../shared/testing/builders';
import { modelFromRecords } from '../model/buildTopologyModel';
import { describeDrive, describeEnclosure } from './driveDetails';
import { findDrive } from './findDrive';
import { hiddenRacksNote, mapAriaLabel, mapSummaryLine, summarizeMap } from './mapSummary';

const model = modelFromRecords({
  revision: 1234,
  site: null,
  racks: [buildRack({ name: 'R1' })],
  enclosures: [buildEnclosure(), buildEnclosure({ id: 'enc-2', name: 'JBOD 2', state: 'offline' })],
  servers: [],
  drives: [
    buildDrive({ id: 'd0', serial: 'ZA1B2C', tags: ['hot', 'db'] }),
    buildDrive({
      id: 'd1',
      bay: 1,
      health: 'failed',
      media: 'ssd',
      rpm: 0,
      capacityBytes: 3_840_000_000_000,
    }),
    buildDrive({ id: 'd2', bay: 0, enclosure: 'enc-2', health: 'offline' }),
  ],
});

function rows(list: { label: string; value: string }[]) {
  return Object.fromEntries(list.map((row) => [row.label, row.value]));
}

describe('drive details', () => {
  it('describes a drive with its enclosure, bay, tags and health in words', () => {
    const details = rows(
      describeDrive(model, buildDrive({ id: 'd0', serial: 'ZA1B2C', tags: ['hot', 'db'] })),
    );
    expect(details).toMatchObject({
      ID: 'd0',
      Serial: 'ZA1B2C',
      Media: 'HDD',
      RPM: '7200',
      Capacity: '12 TB',
      Tags: 'hot, db',
      Enclosure: 'JBOD 1 (enc-1)',
      Rack: 'R1',
      Bay: '0',
      Health: 'ok',
    });
  });

  it('says when an SSD has no spindle and a drive has no tags', () => {
    const ssd = model.drives[1];
    if (!ssd) throw new Error('missing drive');
    expect(rows(describeDrive(model, ssd))).toMatchObject({
      RPM: 'n/a (solid state)',
      Tags: 'none',
      Health: 'failed',
    });
  });

  it('describes an enclosure with its population', () => {
    const enclosure = model.enclosures.get('enc-1');
    if (!enclosure) throw new Error('missing enclosure');
    expect(rows(describeEnclosure(model, enclosure))).toMatchObject({
      Drives: '2 in 24 bays',
      State: 'online',
    });
  });
});

describe('findDrive', () => {
  it('finds by exact id, then by serial (case-insensitively)', () => {
    expect(findDrive(model, 'd1')?.id).toBe('d1');
    expect(findDrive(model, ' ZA1B2C ')?.id).toBe('d0');
    expect(findDrive(model, 'za1b2c')?.id).toBe('d0');
    expect(findDrive(model, 'nope')).toBeUndefined();
    expect(findDrive(model, '  ')).toBeUndefined();
  });
});

describe('map summary', () => {
  it('counts drives by health and offline enclosures', () => {
    expect(summarizeMap(model)).toEqual({
      revision: 1234,
      drives: 3,
      enclosures: 2,
      offlineEnclosures: 1,
      emptyBays: 45,
      racks: 1,
      ok: 1,
      failed: 1,
      degraded: 0,
      offline: 1,
    });
  });

  it('labels the map and writes the summary line', () => {
    const summary = summarizeMap(model);
    expect(mapAriaLabel(summary)).toBe(
      'Topology map: 3 drives in 2 enclosures, 1 failed, 0 degraded, 1 offline',
    );
    expect(mapSummaryLine(summary)).toBe(
      '3 drives in 2 enclosures across 1 rack · 1 failed · 0 degraded · 1 offline · 1 enclosure offline',
    );
  });

  it('notes how many racks the map leaves out', () => {
    expect(hiddenRacksNote(250)).toBe('250 racks without enclosures not shown');
    expect(hiddenRacksNote(1)).toBe('1 rack without enclosures not shown');
  });
});
