import type { Claim, Pod, Volume } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { Inventory } from '../inventory/inventory.js';
import {
  buildClaim,
  buildDrive,
  buildEnclosure,
  buildMember,
  buildPod,
  buildServer,
  buildVolume,
} from '../testing/builders.js';
import type { IncidentState } from './incident-state.js';
import { incidentReport } from './report.js';
import { incidentSummary, sameSummary } from './summary.js';

function site() {
  const inventory = new Inventory();
  inventory.apply({ kind: 'enclosure', op: 'put', value: buildEnclosure({ id: 'enc-1' }) });
  inventory.apply({ kind: 'enclosure', op: 'put', value: buildEnclosure({ id: 'enc-2', state: 'offline' }) });
  inventory.apply({
    kind: 'server',
    op: 'put',
    value: buildServer({ id: 'srv-1', hostname: 'rack1-node1' }),
  });
  for (const drive of [
    buildDrive({ id: 'd-ok', enclosure: 'enc-1', bay: 0 }),
    buildDrive({ id: 'd-deg', enclosure: 'enc-1', bay: 1, health: 'degraded' }),
    buildDrive({ id: 'd-off', enclosure: 'enc-2', bay: 0, health: 'offline' }),
    buildDrive({ id: 'd-fail', enclosure: 'enc-1', bay: 2, health: 'failed' }),
  ])
    inventory.apply({ kind: 'drive', op: 'put', value: drive });
  return inventory;
}

function stateOf(
  volumes: Volume[],
  pods: Pod[] = [],
  claims: Claim[] = [],
  inventory = site(),
): IncidentState {
  return {
    revision: 42,
    inventory,
    unhealthyVolumes: volumes.filter((v) => v.health !== 'healthy'),
    podsOfVolume: (id) => pods.filter((p) => p.volumeIds.includes(id)),
    claimsOfVolume: (id) => claims.filter((c) => c.volumeId === id),
    clustersWatched: pods.length > 0 ? 1 : 0,
  };
}

const rebuild = (progress: number, eta: string) => ({ progress, eta, startedAt: '2026-12-01T00:00:00Z' });
const failed = buildVolume({
  id: 'v-failed',
  health: 'failed',
  members: [buildMember({ driveId: 'd-fail', state: 'failed' })],
});
const degraded = buildVolume({
  id: 'pvc-1',
  health: 'degraded',
  members: [buildMember({ driveId: 'd-ok' }), buildMember({ driveId: 'd-off', copy: 1, state: 'failed' })],
});
const rebuilding = buildVolume({
  id: 'v-reb',
  health: 'rebuilding',
  members: [
    buildMember({ driveId: 'a', state: 'rebuilding', rebuild: rebuild(0.5, '2026-12-01T04:00:00Z') }),
    buildMember({ driveId: 'b', set: 1, state: 'rebuilding', rebuild: rebuild(0.2, '2026-12-01T05:00:00Z') }),
  ],
});

describe('incidentSummary', () => {
  it('counts what is unhealthy, and an incident is active with anything failed, degraded or offline', () => {
    const summary = incidentSummary(stateOf([failed, degraded, rebuilding], [buildPod()], [buildClaim()]));
    expect(summary).toEqual({
      revision: 42,
      active: true,
      enclosuresOffline: 1,
      drives: { failed: 1, offline: 1, degraded: 1 },
      volumes: { failed: 1, degraded: 1, rebuilding: 1 },
      podsAffected: 1,
      claimsAffected: 1,
    });
  });

  it('is not an incident while only rebuilds run, and counts them still', () => {
    const inventory = new Inventory();
    inventory.apply({ kind: 'drive', op: 'put', value: buildDrive({ id: 'x' }) });
    const summary = incidentSummary(stateOf([rebuilding], [], [], inventory));
    expect(summary.active).toBe(false);
    expect(summary.volumes.rebuilding).toBe(1);
  });

  it('follows the inventory as drives recover: unhealthy drives are indexed, not scanned', () => {
    const inventory = site();
    inventory.apply({
      kind: 'drive',
      op: 'put',
      value: buildDrive({ id: 'd-deg', enclosure: 'enc-1', bay: 1 }),
    });
    inventory.apply({ kind: 'drive', op: 'delete', id: 'd-fail' });
    inventory.apply({ kind: 'enclosure', op: 'put', value: buildEnclosure({ id: 'enc-2' }) });
    const summary = incidentSummary(stateOf([], [], [], inventory));
    expect(summary.drives).toEqual({ failed: 0, offline: 1, degraded: 0 });
    expect(summary.enclosuresOffline).toBe(0);
  });

  it('compares summaries by what they say, not by revision', () => {
    const a = incidentSummary(stateOf([failed]));
    expect(sameSummary(a, { ...a, revision: 99 })).toBe(true);
    expect(sameSummary(a, { ...a, podsAffected: 1 })).toBe(false);
  });
});

describe('incidentReport', () => {
  it('lists offline enclosures and unhealthy drives, worst first, with the summary of the same state', () => {
    const report = incidentReport(stateOf([]), '2026-12-01T03:00:00.000Z');
    expect(report).toMatchObject({ revision: 42, generatedAt: '2026-12-01T03:00:00.000Z' });
    expect(report.enclosuresOffline).toMatchObject([{ id: 'enc-2', firstDriveId: 'd-off' }]);
    expect(report.drives.map((d) => [d.id, d.health])).toEqual([
      ['d-fail', 'failed'],
      ['d-off', 'offline'],
      ['d-deg', 'degraded'],
    ]);
    expect(report.summary.drives).toEqual({ failed: 1, offline: 1, degraded: 1 });
  });

  it('summarises the very volumes it lists, even when they are given as a one-pass iterator', () => {
    const state = { ...stateOf([]), unhealthyVolumes: [failed, degraded, rebuilding].values() };
    const report = incidentReport(state, '2026-12-01T03:00:00.000Z');
    expect(report.rebuilding).toHaveLength(1);
    expect(report.summary.volumes).toEqual({ failed: 1, degraded: 1, rebuilding: 1 });
  });

  it('sorts volumes by what they lost and names the drives behind it', () => {
    const report = incidentReport(stateOf([failed, degraded, rebuilding]), '2026-12-01T03:00:00.000Z');
    expect(report.lostAvailability.map((v) => v.id)).toEqual(['v-failed']);
    expect(report.lostRedundancy).toMatchObject([{ id: 'pvc-1', impact: 'redundancy', drives: ['d-off'] }]);
    expect(report.lostAvailability.map((v) => v.impact)).toEqual(['availability']);
    expect(report.rebuilding).toMatchObject([
      { id: 'v-reb', drives: ['a', 'b'], rebuild: { progress: 0.2, eta: '2026-12-01T05:00:00Z' } },
    ]);
  });

  it('names the pods and PVCs on affected volumes, worst first, with servers and workloads', () => {
    const pods = [
      buildPod(),
      buildPod({ name: 'cassandra-1', claims: ['data-cassandra-1'], volumeIds: ['v-failed'], server: null }),
    ];
    const claims = [buildClaim(), buildClaim({ name: 'data-cassandra-1', volumeId: 'v-failed' })];
    const report = incidentReport(stateOf([failed, degraded], pods, claims), '2026-12-01T03:00:00.000Z');
    expect(report.pods.map((p) => [p.name, p.health, p.serverHostname])).toEqual([
      ['cassandra-1', 'failed', null],
      ['cassandra-0', 'degraded', 'rack1-node1'],
    ]);
    expect(report.claims).toMatchObject([
      { name: 'data-cassandra-1', health: 'failed', pods: ['cassandra-1'], servers: [] },
      { name: 'data-cassandra-0', health: 'degraded', workload: 'StatefulSet/cassandra', servers: ['srv-1'] },
    ]);
    expect(report.lostRedundancy[0]?.claims).toEqual(['cassandra/data-cassandra-0']);
  });
});
