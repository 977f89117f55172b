import { describe, expect, it } from 'vitest';
import { buildServer } from '../../../shared/testing/builders';
import { buildClaim, buildPod } from '../../../shared/testing/buildKube';
import { kubeMatches, pickKubeMatch } from './findKube';
import { groupByWorkload, podPlacement, podRows, podState, serverLabel } from './kubeRows';
import { highlightLabel, parseHighlight, parseKubeRef, withHighlight } from './mapHighlight';

const pod = (name: string, overrides = {}) =>
  buildPod({ name, claims: [`data-${name}`], volumeIds: [`pvc-${name}`], ...overrides });
const claim = (podName: string, overrides = {}) =>
  buildClaim({ name: `data-${podName}`, volumeId: `pvc-${podName}`, pods: [podName], ...overrides });

describe('podRows', () => {
  it('pairs each pod with the listed claims it mounts, not every claim it has', () => {
    const twoClaims = pod('cassandra-0', { claims: ['data-cassandra-0', 'logs-cassandra-0'] });
    const rows = podRows([twoClaims, pod('cassandra-1')], [claim('cassandra-0')]);
    expect(rows.map((row) => [row.key, row.claims.map((c) => c.name)])).toEqual([
      ['sim/cassandra/cassandra-0', ['data-cassandra-0']],
      ['sim/cassandra/cassandra-1', []],
    ]);
  });

  it('does not pair a claim of the same name in another namespace', () => {
    const rows = podRows(
      [pod('kafka-0', { namespace: 'kafka' })],
      [claim('kafka-0', { namespace: 'other' })],
    );
    expect(rows[0]?.claims).toEqual([]);
  });
});

describe('groupByWorkload', () => {
  it('groups pods by workload, worst health first, bare pods on their own', () => {
    const groups = groupByWorkload(
      podRows(
        [
          pod('cassandra-0'),
          pod('cassandra-1', { health: 'degraded' }),
          pod('kafka-0', { namespace: 'kafka', workload: { kind: 'StatefulSet', name: 'kafka' } }),
          pod('debug', { namespace: 'kafka', workload: null, health: null }),
        ],
        [],
      ),
    );
    expect(groups.map((g) => [g.kind, g.name, g.health, g.rows.length])).toEqual([
      ['StatefulSet', 'cassandra', 'degraded', 2],
      ['StatefulSet', 'kafka', 'healthy', 1],
      ['Pod', 'debug', null, 1],
    ]);
  });
});

describe('pod labels', () => {
  const servers = new Map([
    ['srv-1', buildServer({ id: 'srv-1', hostname: 'rack1-node1' })],
    ['srv-2', buildServer({ id: 'srv-2', hostname: 'srv-2' })],
  ]);

  it('names the server, with its hostname only when that says more', () => {
    expect(serverLabel(servers, 'srv-1')).toBe('srv-1 (rack1-node1)');
    expect(serverLabel(servers, 'srv-2')).toBe('srv-2');
    expect(serverLabel(servers, 'srv-9')).toBe('srv-9');
    expect(serverLabel(servers, null)).toBe('no server');
    expect(serverLabel(servers, 'srv-1', 'rack1-node1')).toBe('srv-1');
  });

  it('says where a pod runs and how it is', () => {
    expect(podPlacement(pod('a', { node: 'k8s-1', server: 'srv-2' }), servers)).toBe(
      'node k8s-1 → server srv-2',
    );
    expect(podPlacement(pod('a', { node: null }), servers)).toBe('not scheduled');
    expect(podState(pod('a', { ready: false, restarts: 3 }))).toBe('Running, not ready, 3 restarts');
    expect(podState(pod('a', { phase: 'Pending', ready: false }))).toBe('Pending');
  });
});

describe('Find: pods and PVCs', () => {
  const matches = kubeMatches(
    [pod('cassandra-0'), pod('cassandra-1', { health: null, workload: null })],
    [claim('cassandra-0', { health: 'degraded' })],
  );

  it('offers pods before PVCs, saying what each is and how its data is', () => {
    expect(matches.map((m) => [m.label, m.detail])).toEqual([
      ['cassandra/cassandra-0', 'Pod · StatefulSet cassandra · healthy'],
      ['cassandra/cassandra-1', 'Pod · no Drivebay volume'],
      ['cassandra/data-cassandra-0', 'PVC · used by cassandra-0 · degraded'],
    ]);
  });

  it('names the cluster only when matches come from several', () => {
    const two = kubeMatches([pod('a'), pod('a', { cluster: 'east' })], []);
    expect(two.map((m) => m.label)).toEqual(['sim/cassandra/a', 'east/cassandra/a']);
  });

  it('picks an exact name (pod, namespace/name or the full id), else the only match', () => {
    expect(pickKubeMatch('cassandra-0', matches)?.key).toBe('pod:sim/cassandra/cassandra-0');
    expect(pickKubeMatch('Cassandra/Data-Cassandra-0', matches)?.key).toBe(
      'claim:sim/cassandra/data-cassandra-0',
    );
    expect(pickKubeMatch('sim/cassandra/cassandra-1', matches)?.key).toBe('pod:sim/cassandra/cassandra-1');
    expect(pickKubeMatch('cassandra', matches)).toBeNull();
    expect(pickKubeMatch('sandra-1', matches.slice(1, 2))?.key).toBe('pod:sim/cassandra/cassandra-1');
    expect(pickKubeMatch('  ', matches)).toBeNull();
  });
});

describe('map highlight in the URL', () => {
  it('reads a pod, a PVC or a volume; a pod wins', () => {
    expect(parseHighlight(new URLSearchParams('volume=v-1'))).toEqual({ kind: 'volume', id: 'v-1' });
    expect(parseHighlight(new URLSearchParams('volume=v-1&pod=sim/cassandra/cassandra-0'))).toEqual({
      kind: 'pod',
      cluster: 'sim',
      namespace: 'cassandra',
      name: 'cassandra-0',
    });
    expect(parseHighlight(new URLSearchParams('claim=sim/kafka/logs-kafka-1'))?.kind).toBe('claim');
    expect(parseHighlight(new URLSearchParams('drive=d-1'))).toBeNull();
  });

  it('ignores a malformed pod reference', () => {
    expect(parseKubeRef('cassandra-0')).toBeNull();
    expect(parseKubeRef('sim//cassandra-0')).toBeNull();
    expect(parseKubeRef('a/b/c/d')).toBeNull();
    expect(parseHighlight(new URLSearchParams('pod=oops&volume=v-1'))).toEqual({ kind: 'volume', id: 'v-1' });
  });

  it('writes one highlight at a time, with the drive to open, keeping other parameters', () => {
    const before = new URLSearchParams('colour=media&volume=v-1&enclosure=enc-1');
    const pod = { kind: 'pod', cluster: 'sim', namespace: 'cassandra', name: 'cassandra-0' } as const;
    const next = withHighlight(before, pod, 'd-7');
    expect(next.toString()).toBe('colour=media&pod=sim%2Fcassandra%2Fcassandra-0&drive=d-7');
    expect(parseHighlight(next)).toEqual(pod);
    expect(withHighlight(next, null).toString()).toBe('colour=media&drive=d-7');
    expect(highlightLabel(pod)).toBe('pod cassandra/cassandra-0');
  });
});
