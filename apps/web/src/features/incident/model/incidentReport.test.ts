import { encodeDriveColumns } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildDrive, buildEnclosure, buildRack, buildServer } from '../../../shared/testing/builders';
import { buildClaim, buildPod } from '../../../shared/testing/buildKube';
import { buildMember, buildVolume } from '../../../shared/testing/buildVolume';
import { buildTopologyModel } from '../../topology';
import { incidentReport } from './incidentReport';

const model = buildTopologyModel({
  revision: 42,
  site: null,
  racks: [buildRack()],
  enclosures: [buildEnclosure({ id: 'enc-1' }), buildEnclosure({ id: 'enc-2', state: 'offline' })],
  servers: [buildServer({ id: 'srv-1', hostname: 'rack1-node1' })],
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

describe('incidentReport: Kubernetes workloads', () => {
  const degraded = buildVolume({
    id: 'pvc-1',
    name: 'pvc-1',
    health: 'degraded',
    members: [buildMember({ driveId: 'd-ok' }), buildMember({ driveId: 'd-fail', copy: 1, state: 'failed' })],
  });
  const pods = [
    buildPod({ name: 'cassandra-1', health: 'rebuilding', server: 'srv-9', claims: ['data-cassandra-1'] }),
    buildPod({ name: 'cassandra-10', health: 'failed', server: null, node: null, workload: null }),
    buildPod({ name: 'cassandra-0', health: 'degraded', server: 'srv-1' }),
    buildPod({ name: 'web-0', namespace: 'web', health: 'healthy' }),
  ];
  const claims = [
    buildClaim({ name: 'data-cassandra-1', health: 'rebuilding', volumeId: 'pvc-2', pods: ['cassandra-1'] }),
    buildClaim({ name: 'data-cassandra-0', health: 'degraded', volumeId: 'pvc-1', pods: ['cassandra-0'] }),
    buildClaim({ name: 'orphan', health: 'failed', volumeId: null, pods: [] }),
  ];
  const report = incidentReport(model, [degraded], new Date(), { pods, claims });

  it('lists affected pods worst first, with workload and the server’s hostname', () => {
    expect(report.pods?.map((p) => [p.name, p.health])).toEqual([
      ['cassandra-10', 'failed'],
      ['cassandra-0', 'degraded'],
      ['cassandra-1', 'rebuilding'],
    ]);
    expect(report.pods?.[1]).toMatchObject({
      workload: 'StatefulSet/cassandra',
      server: 'srv-1',
      serverHostname: 'rack1-node1',
      claims: ['data-cassandra-0'],
    });
    expect(report.pods?.[2]).toMatchObject({ server: 'srv-9', serverHostname: null });
    expect(report.pods?.[0]).toMatchObject({ workload: null, server: null });
  });

  it('lists affected PVCs with the workload and servers of the pods mounting them', () => {
    expect(report.claims?.map((c) => [c.name, c.health])).toEqual([
      ['orphan', 'failed'],
      ['data-cassandra-0', 'degraded'],
      ['data-cassandra-1', 'rebuilding'],
    ]);
    expect(report.claims?.[1]).toMatchObject({
      volumeId: 'pvc-1',
      pods: ['cassandra-0'],
      workload: 'StatefulSet/cassandra',
      servers: ['srv-1'],
    });
    expect(report.claims?.[0]).toMatchObject({ workload: null, servers: [] });
  });

  it('names the PVC beside its volume', () => {
    expect(report.lostRedundancy).toMatchObject([{ id: 'pvc-1', claims: ['cassandra/data-cassandra-0'] }]);
  });

  it('says null, not none, when Kubernetes data did not load', () => {
    const without = incidentReport(model, [degraded], new Date());
    expect(without).toMatchObject({ pods: null, claims: null });
    expect(without.lostRedundancy).toMatchObject([{ claims: [] }]);
    expect(JSON.parse(JSON.stringify(report)).pods).toHaveLength(3);
  });
});
