import { describe, expect, it } from 'vitest';
import { buildDrive, buildEnclosure, buildRack, buildServer } from '../../shared/testing/builders';
import { modelFromRecords } from '../topology';
import { needsAttention, summarizeHealth } from './healthSummary';

const TB = 1e12;

describe('summarizeHealth', () => {
  const model = modelFromRecords({
    revision: 9,
    site: null,
    racks: [buildRack(), buildRack({ id: 'rack-2' })],
    enclosures: [buildEnclosure(), buildEnclosure({ id: 'enc-2', state: 'offline' })],
    servers: [
      buildServer(),
      buildServer({ id: 's2', state: 'down' }),
      buildServer({ id: 's3', state: 'maintenance' }),
    ],
    drives: [
      buildDrive({ id: 'h1', capacityBytes: 16 * TB }),
      buildDrive({ id: 'h2', capacityBytes: 16 * TB, health: 'failed' }),
      buildDrive({ id: 's1', media: 'ssd', rpm: 0, capacityBytes: 3.84 * TB, health: 'degraded' }),
      buildDrive({
        id: 's2',
        media: 'ssd',
        rpm: 0,
        enclosure: 'enc-2',
        capacityBytes: 3.84 * TB,
        health: 'offline',
      }),
    ],
  });

  it('counts drives by health, enclosures by state, and servers by state', () => {
    const summary = summarizeHealth(model);
    expect(summary.drives).toEqual({ total: 4, byHealth: { ok: 1, degraded: 1, failed: 1, offline: 1 } });
    expect(summary.enclosures).toEqual({ total: 2, online: 1, offline: 1 });
    expect(summary.servers).toEqual({ total: 3, byState: { up: 1, down: 1, maintenance: 1 } });
    expect(summary.racks).toBe(2);
  });

  it('adds capacity by media, and what of it is unavailable', () => {
    const { capacity } = summarizeHealth(model);
    expect(capacity.hdd).toEqual({ drives: 2, bytes: 32 * TB, unavailableBytes: 16 * TB });
    expect(capacity.ssd).toEqual({ drives: 2, bytes: 7.68 * TB, unavailableBytes: 3.84 * TB });
  });

  it('says whether anything needs attention', () => {
    expect(needsAttention(summarizeHealth(model))).toBe(true);
    const healthy = modelFromRecords({
      revision: 1,
      site: null,
      racks: [],
      enclosures: [buildEnclosure()],
      servers: [],
      drives: [buildDrive()],
    });
    expect(needsAttention(summarizeHealth(healthy))).toBe(false);
  });
});
