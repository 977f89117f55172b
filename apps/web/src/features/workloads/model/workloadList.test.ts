import type { ClusterSummary, WorkloadSummary } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { clusterCounts, clusterNotice, namespaceChoices, sortWorkloads } from './workloadList';

const workload = (overrides: Partial<WorkloadSummary>): WorkloadSummary => ({
  cluster: 'sim',
  namespace: 'cassandra',
  kind: 'StatefulSet',
  name: 'cassandra',
  pods: 3,
  readyPods: 3,
  restarts: 0,
  claims: 3,
  volumeIds: [],
  servers: [],
  health: 'healthy',
  ...overrides,
});

const cluster = (overrides: Partial<ClusterSummary>): ClusterSummary => ({
  id: 'sim',
  context: 'simulated',
  source: 'simulator',
  server: 'http://127.0.0.1:1',
  state: 'watching',
  message: '',
  writeBack: 'enabled',
  eventsThrough: null,
  updatedAt: '2025-01-01T00:00:00.000Z',
  counts: { nodes: 2, nodesMatched: 2, pods: 5, podsWithVolumes: 3, claims: 3, claimsResolved: 3 },
  ...overrides,
});

describe('sortWorkloads', () => {
  it('puts workloads on unhealthy storage first, those without volumes last, then by name', () => {
    const sorted = sortWorkloads([
      workload({ namespace: 'web', kind: 'Deployment', name: 'nginx', health: null }),
      workload({ namespace: 'kafka', name: 'kafka' }),
      workload({ namespace: 'elastic', name: 'elasticsearch', health: 'degraded' }),
      workload({ name: 'cassandra' }),
    ]);
    expect(sorted.map((w) => w.name)).toEqual(['elasticsearch', 'cassandra', 'kafka', 'nginx']);
  });

  it('keeps only those matching the text', () => {
    expect(
      sortWorkloads([workload({}), workload({ namespace: 'kafka', name: 'kafka' })], 'KAF').map(
        (w) => w.name,
      ),
    ).toEqual(['kafka']);
  });
});

describe('namespaceChoices', () => {
  it('lists each name once, sorted, with the selected one even when gone', () => {
    const ns = (cluster: string, name: string) => ({ cluster, name, pods: 1, workloads: 1, claims: 0 });
    expect(namespaceChoices([ns('a', 'kafka'), ns('b', 'kafka'), ns('a', 'cassandra')], 'gone')).toEqual([
      'cassandra',
      'gone',
      'kafka',
    ]);
  });
});

describe('clusterNotice', () => {
  it('tells when no cluster is connected, the selected one is unknown, or all are still connecting', () => {
    expect(clusterNotice([])).toEqual({ kind: 'none' });
    expect(clusterNotice([cluster({})], 'prod')).toEqual({ kind: 'unknown', id: 'prod' });
    expect(clusterNotice([cluster({ state: 'connecting' })])?.kind).toBe('connecting');
    expect(clusterNotice([cluster({ state: 'connecting' }), cluster({ id: 'b' })])).toBeNull();
    expect(clusterNotice([cluster({ state: 'connecting' }), cluster({ id: 'b' })], 'sim')?.kind).toBe(
      'connecting',
    );
  });
});

describe('clusterCounts', () => {
  it('adds up the selected clusters', () => {
    const clusters = [cluster({}), cluster({ id: 'b' })];
    expect(clusterCounts(clusters).pods).toBe(10);
    expect(clusterCounts(clusters, 'b').pods).toBe(5);
  });
});
