import type { DeltaBatch, TopologyDelta } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildDrive, buildEnclosure, buildRack, buildServer, delta } from '../../../shared/testing/builders';
import { generateSite } from '../../../shared/testing/generateSite';
import { applyDeltaBatch } from './applyDeltaBatch';
import { modelFromRecords } from './buildTopologyModel';
import { driveById, driveInBay, enclosureSlots, locateOf, type TopologyModel } from './topologyModel';

function baseModel(revision = 10): TopologyModel {
  return modelFromRecords({
    revision,
    site: null,
    racks: [buildRack()],
    enclosures: [buildEnclosure()],
    servers: [buildServer()],
    drives: [
      buildDrive({ id: 'd0', bay: 0 }),
      buildDrive({ id: 'd1', bay: 1 }),
      buildDrive({ id: 'd2', bay: 2, health: 'degraded' }),
    ],
  });
}

function batch(fromRevision: number, toRevision: number, deltas: TopologyDelta[]): DeltaBatch {
  return { fromRevision, toRevision, deltas };
}

function applied(model: TopologyModel, next: DeltaBatch): TopologyModel {
  const outcome = applyDeltaBatch(model, next);
  if (outcome.type !== 'applied') throw new Error(`expected applied, got ${outcome.type}`);
  return outcome.model;
}

/** Everything a reader can observe, as plain data, to prove a model did not change. */
function observe(model: TopologyModel) {
  return {
    revision: model.revision,
    site: model.site,
    racks: [...model.racks.values()],
    enclosures: [...model.enclosures.values()],
    servers: [...model.servers.values()],
    drives: model.drives.filter((d) => d !== undefined).map((d) => ({ ...d })),
    byId: ['d0', 'd1', 'd2', 'd3', 'new'].map((id) => driveById(model, id)),
    members: [...model.drivesByEnclosure.entries()].map(([id, slots]) => [id, [...slots]]),
    counts: { ...model.healthCounts },
    driveCount: model.driveCount,
  };
}

describe('applyDeltaBatch', () => {
  it('puts a new drive into its enclosure and counts it', () => {
    const model = applied(baseModel(), batch(10, 11, [delta.drivePut(11, buildDrive({ id: 'd3', bay: 3 }))]));
    expect(driveById(model, 'd3')?.bay).toBe(3);
    expect(driveInBay(model, 'enc-1', 3)?.id).toBe('d3');
    expect(model.driveCount).toBe(4);
    expect(model.healthCounts.ok).toBe(3);
  });

  it('updates a drive in place and moves the health counts', () => {
    const failed = buildDrive({ id: 'd1', bay: 1, health: 'failed' });
    const model = applied(baseModel(), batch(10, 11, [delta.drivePut(11, failed)]));
    expect(driveById(model, 'd1')?.health).toBe('failed');
    expect(model.healthCounts).toEqual({ ok: 1, degraded: 1, failed: 1, offline: 0 });
    expect(model.driveCount).toBe(3);
    expect(enclosureSlots(model, 'enc-1')).toHaveLength(3);
  });

  it('moves a drive between enclosures', () => {
    const moved = buildDrive({ id: 'd0', enclosure: 'enc-2', bay: 5 });
    const model = applied(baseModel(), batch(10, 11, [delta.drivePut(11, moved)]));
    expect(enclosureSlots(model, 'enc-1')).toHaveLength(2);
    expect(driveInBay(model, 'enc-2', 5)?.id).toBe('d0');
  });

  it('deletes a drive, empties its bay and uncounts it', () => {
    const model = applied(baseModel(), batch(10, 11, [delta.driveDelete(11, 'd2')]));
    expect(driveById(model, 'd2')).toBeUndefined();
    expect(driveInBay(model, 'enc-1', 2)).toBeUndefined();
    expect(model.driveCount).toBe(2);
    expect(model.healthCounts.degraded).toBe(0);
  });

  it('handles a replacement: new drive put into the bay, then the old one deleted', () => {
    const fresh = buildDrive({ id: 'new', bay: 1 });
    const model = applied(
      baseModel(),
      batch(10, 12, [delta.drivePut(11, fresh), delta.driveDelete(12, 'd1')]),
    );
    expect(driveInBay(model, 'enc-1', 1)?.id).toBe('new');
    expect(model.driveCount).toBe(3);
  });

  it('re-adds a deleted drive in the same batch', () => {
    const back = buildDrive({ id: 'd0', bay: 0, health: 'failed' });
    const model = applied(
      baseModel(),
      batch(10, 12, [delta.driveDelete(11, 'd0'), delta.drivePut(12, back)]),
    );
    expect(driveById(model, 'd0')?.health).toBe('failed');
    expect(enclosureSlots(model, 'enc-1')).toEqual([0, 1, 2]);
    expect(model.driveCount).toBe(3);
  });

  it('ignores deletes of unknown ids', () => {
    const base = baseModel();
    const model = applied(base, batch(10, 11, [delta.driveDelete(11, 'nope'), delta.rackDelete(11, 'nope')]));
    expect(model.driveCount).toBe(3);
    expect(model.racks).toBe(base.racks);
  });

  it('puts and deletes enclosures, racks and servers', () => {
    const offline = buildEnclosure({ state: 'offline' });
    const model = applied(
      baseModel(),
      batch(10, 16, [
        delta.enclosurePut(11, offline),
        delta.enclosurePut(12, buildEnclosure({ id: 'enc-2', name: 'JBOD 2' })),
        delta.rackPut(13, buildRack({ id: 'rack-2', row: 1 })),
        delta.rackDelete(14, 'rack-1'),
        delta.serverPut(15, buildServer({ id: 'server-2', state: 'down' })),
        delta.serverDelete(16, 'server-1'),
      ]),
    );
    expect(model.enclosures.get('enc-1')?.state).toBe('offline');
    expect(model.enclosures.get('enc-2')?.name).toBe('JBOD 2');
    expect([...model.racks.keys()]).toEqual(['rack-2']);
    expect([...model.servers.keys()]).toEqual(['server-2']);
    const removed = applied(model, batch(16, 17, [delta.enclosureDelete(17, 'enc-2')]));
    expect(removed.enclosures.has('enc-2')).toBe(false);
  });

  it('applies a site put', () => {
    const site = { id: 'dc-1', name: 'DC 1', scale: 'small' as const };
    const model = applied(baseModel(), batch(10, 11, [{ revision: 11, type: 'site.put', site }]));
    expect(model.site).toEqual(site);
  });

  it('lights and clears locate LEDs, leaving the base model as it was', () => {
    const base = baseModel();
    const locate = { kind: 'drive' as const, id: 'd1', since: '2030-01-01T10:00:00.000Z', by: 'user:otto' };
    const lit = applied(base, batch(10, 11, [{ revision: 11, type: 'locate.put', locate }]));
    expect(locateOf(lit, 'drive', 'd1')).toEqual(locate);
    expect(base.locates.size).toBe(0);
    const cleared = applied(lit, batch(11, 12, [{ revision: 12, type: 'locate.delete', id: 'drive/d1' }]));
    expect(locateOf(cleared, 'drive', 'd1')).toBeUndefined();
    expect(cleared.drives).toBe(lit.drives);
  });

  it('skips deltas at or below the model revision (overlap after a reconnect)', () => {
    const model = applied(
      baseModel(),
      batch(8, 11, [
        delta.drivePut(9, buildDrive({ id: 'd0', health: 'failed' })),
        delta.driveDelete(10, 'd1'),
        delta.drivePut(11, buildDrive({ id: 'd2', bay: 2, health: 'ok' })),
      ]),
    );
    expect(driveById(model, 'd0')?.health).toBe('ok');
    expect(driveById(model, 'd1')).toBeDefined();
    expect(driveById(model, 'd2')?.health).toBe('ok');
    expect(model.revision).toBe(11);
  });

  it('returns the same model for a batch that was applied already', () => {
    const base = baseModel();
    const outcome = applyDeltaBatch(base, batch(7, 10, [delta.driveDelete(9, 'd0')]));
    expect(outcome).toEqual({ type: 'applied', model: base });
    if (outcome.type === 'applied') expect(outcome.model).toBe(base);
  });

  it('asks for a resync when the batch starts after the model revision', () => {
    const outcome = applyDeltaBatch(baseModel(), batch(12, 13, [delta.driveDelete(13, 'd0')]));
    expect(outcome).toEqual({ type: 'resync', reason: 'gap', expected: 10, received: 12 });
  });

  it('advances the revision to the batch end, even for an empty batch', () => {
    const base = baseModel();
    const model = applied(base, batch(10, 15, []));
    expect(model.revision).toBe(15);
    expect(model.drives).toBe(base.drives);
    const chained = applied(model, batch(15, 16, [delta.driveDelete(16, 'd0')]));
    expect(chained.revision).toBe(16);
  });

  it('leaves the old model untouched', () => {
    const base = baseModel();
    const before = observe(base);
    const next = applied(
      base,
      batch(10, 15, [
        delta.drivePut(11, buildDrive({ id: 'd0', health: 'failed' })),
        delta.drivePut(12, buildDrive({ id: 'new', bay: 7 })),
        delta.driveDelete(13, 'd1'),
        delta.enclosurePut(14, buildEnclosure({ state: 'offline' })),
        delta.serverDelete(15, 'server-1'),
      ]),
    );
    expect(observe(base)).toEqual(before);
    expect(driveById(base, 'new')).toBeUndefined();
    expect(driveById(next, 'new')?.bay).toBe(7);
    expect(next.racks).toBe(base.racks);
  });

  it('shares untouched structures and copies the drives array at most once per batch', () => {
    const base = baseModel();
    const next = applied(
      base,
      batch(10, 12, [
        delta.drivePut(11, buildDrive({ id: 'd0', health: 'failed' })),
        delta.drivePut(12, buildDrive({ id: 'd1', bay: 1, health: 'failed' })),
      ]),
    );
    expect(next.drives).not.toBe(base.drives);
    expect(next.enclosures).toBe(base.enclosures);
    expect(next.servers).toBe(base.servers);
    expect(next.slots).toBe(base.slots);
  });

  it('updates one drive among 100,000 at a time, sharing every other record', () => {
    const base = modelFromRecords(
      generateSite({ rows: 10, racksPerRow: 30, enclosuresPerRack: 5, baysPerEnclosure: 68 }),
    );
    expect(base.driveCount).toBe(102_000);
    let model = base;
    for (let revision = 2; revision < 202; revision++) {
      const drive = driveById(model, `drive-${revision * 97}`);
      if (!drive) throw new Error('missing drive');
      model = applied(
        model,
        batch(revision - 1, revision, [delta.drivePut(revision, { ...drive, health: 'failed' })]),
      );
    }
    expect(model.healthCounts.failed).toBe(200);
    // Sharing what did not change is what keeps a batch cheap; its speed is measured in bench/.
    expect(model.drives[1]).toBe(base.drives[1]);
    expect(model.slots).toBe(base.slots);
  });
});
