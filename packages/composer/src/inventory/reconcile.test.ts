import { describe, expect, it } from 'vitest';
import { buildDrive, buildEnclosure } from '../testing/builders.js';
import { type DecisionContext, sameRecord } from './decision.js';
import { Inventory } from './inventory.js';
import { reconcileEnclosure } from './reconcile-enclosure.js';
import { reconcileInventory } from './reconcile-inventory.js';
import { reconcileUnreachable } from './reconcile-unreachable.js';

function context(): DecisionContext {
  let n = 0;
  return { actor: 'hardware:test', now: '2026-11-22T00:00:00.000Z', nextEventId: () => `ev-${++n}` };
}

function inventoryWith(
  enclosure = buildEnclosure(),
  drives = [0, 1, 2].map((bay) => buildDrive({ enclosure: enclosure.id, bay })),
) {
  const inventory = new Inventory();
  inventory.apply({ kind: 'enclosure', op: 'put', value: enclosure });
  for (const drive of drives) inventory.apply({ kind: 'drive', op: 'put', value: drive });
  return { inventory, enclosure, drives };
}

describe('reconcileEnclosure', () => {
  it('decides nothing when the report matches the inventory', () => {
    const { inventory, enclosure, drives } = inventoryWith();
    const decision = reconcileEnclosure(inventory, { type: 'enclosure', enclosure, drives }, context());
    expect(decision).toEqual({ changes: [], events: [] });
  });

  it('writes a failed drive and raises a critical DriveFailed event', () => {
    const { inventory, enclosure, drives } = inventoryWith();
    const failed = { ...drives[1]!, health: 'failed' as const };
    const decision = reconcileEnclosure(
      inventory,
      { type: 'enclosure', enclosure, drives: [drives[0]!, failed, drives[2]!] },
      context(),
    );
    expect(decision.changes).toEqual([{ kind: 'drive', op: 'put', value: failed }]);
    expect(decision.events).toMatchObject([
      {
        type: 'DriveFailed',
        severity: 'critical',
        subject: { kind: 'drive', id: failed.id },
        actor: 'hardware:test',
      },
    ]);
  });

  it('treats a new drive in a known bay as a replacement', () => {
    const { inventory, enclosure, drives } = inventoryWith();
    const fresh = buildDrive({ enclosure: enclosure.id, bay: 2 });
    const decision = reconcileEnclosure(
      inventory,
      { type: 'enclosure', enclosure, drives: [drives[0]!, drives[1]!, fresh] },
      context(),
    );
    expect(decision.changes).toEqual([
      { kind: 'drive', op: 'delete', id: drives[2]!.id },
      { kind: 'drive', op: 'put', value: fresh },
    ]);
    expect(decision.events.map((e) => e.type)).toEqual(['DriveReplaced']);
  });

  it('deletes drives whose bay is no longer reported', () => {
    const { inventory, enclosure, drives } = inventoryWith();
    const decision = reconcileEnclosure(
      inventory,
      { type: 'enclosure', enclosure, drives: drives.slice(0, 2) },
      context(),
    );
    expect(decision.changes).toEqual([{ kind: 'drive', op: 'delete', id: drives[2]!.id }]);
    expect(decision.events.map((e) => e.type)).toEqual(['DriveRemoved']);
  });

  it('brings an offline enclosure back with the health its drives report', () => {
    const { inventory, enclosure, drives } = inventoryWith(buildEnclosure({ state: 'offline' }));
    for (const drive of drives)
      inventory.apply({ kind: 'drive', op: 'put', value: { ...drive, health: 'offline' } });
    const online = { ...enclosure, state: 'online' as const };
    const decision = reconcileEnclosure(
      inventory,
      { type: 'enclosure', enclosure: online, drives },
      context(),
    );
    expect(decision.changes[0]).toEqual({ kind: 'enclosure', op: 'put', value: online });
    expect(
      decision.changes.slice(1).map((c) => (c.op === 'put' && c.kind === 'drive' ? c.value.health : c.op)),
    ).toEqual(['ok', 'ok', 'ok']);
    expect(decision.events.map((e) => e.type)).toContain('EnclosureOnline');
  });
});

describe('reconcileUnreachable', () => {
  it('takes the enclosure and every drive in it offline, once', () => {
    const { inventory, enclosure } = inventoryWith();
    const decision = reconcileUnreachable(inventory, enclosure.id, context());
    expect(decision.changes).toHaveLength(4);
    const states = decision.changes.map((c) => {
      if (c.op !== 'put') return c.op;
      if (c.kind === 'enclosure') return c.value.state;
      return c.kind === 'drive' ? c.value.health : c.kind;
    });
    expect(states).toEqual(['offline', 'offline', 'offline', 'offline']);
    expect(decision.events.map((e) => e.type)).toEqual(['EnclosureOffline']);
    for (const change of decision.changes) inventory.apply(change);
    expect(reconcileUnreachable(inventory, enclosure.id, context())).toEqual({ changes: [], events: [] });
  });

  it('decides nothing for an unknown enclosure', () => {
    expect(reconcileUnreachable(new Inventory(), 'enc-nope', context())).toEqual({ changes: [], events: [] });
  });
});

describe('reconcileInventory', () => {
  const site = { id: 'site-1', name: 'Test', scale: 'small' as const };

  it('writes everything on first discovery with one summary event, then nothing', () => {
    const enclosure = buildEnclosure();
    const drives = [buildDrive({ enclosure: enclosure.id, bay: 0 })];
    const report = {
      type: 'inventory' as const,
      site,
      racks: [],
      servers: [],
      enclosures: [{ enclosure, drives }],
    };
    const inventory = new Inventory();
    const first = reconcileInventory(inventory, report, context());
    expect(first.changes).toHaveLength(3);
    expect(first.events.map((e) => e.type)).toEqual(['InventoryDiscovered']);
    for (const change of first.changes) inventory.apply(change);
    expect(reconcileInventory(inventory, report, context())).toEqual({ changes: [], events: [] });
  });

  it('deletes what the report no longer holds', () => {
    const { inventory, enclosure, drives } = inventoryWith();
    inventory.apply({ kind: 'site', op: 'put', value: site });
    const report = {
      type: 'inventory' as const,
      site,
      racks: [],
      servers: [],
      enclosures: [{ enclosure, drives: [drives[0]!] }],
    };
    const decision = reconcileInventory(inventory, report, context());
    expect(decision.changes).toEqual([
      { kind: 'drive', op: 'delete', id: drives[1]!.id },
      { kind: 'drive', op: 'delete', id: drives[2]!.id },
    ]);
  });
});

describe('sameRecord', () => {
  it('compares JSON records structurally, ignoring key order', () => {
    expect(sameRecord({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameRecord({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameRecord({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameRecord({ a: null }, { a: {} })).toBe(false);
    expect(sameRecord([], {})).toBe(false);
  });
});
