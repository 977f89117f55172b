import type { TopologyDelta } from '@drivebay/api-types';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { KUBE_REFRESH_MS, kubeCachePort } from './kubeCache';
import { kubeKeys } from './kubeQueries';

type KubeChanged = Extract<TopologyDelta, { type: 'kube.changed' }>;
const changed = (revision: number, kind: KubeChanged['kind'] = 'pods'): KubeChanged => ({
  type: 'kube.changed',
  revision,
  cluster: 'sim',
  kind,
});

function setup() {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  const tasks: { task: () => void; ms: number }[] = [];
  const port = kubeCachePort(queryClient, (task, ms) => {
    tasks.push({ task, ms });
    return () => {};
  });
  const podsKey = kubeKeys.pods({ cluster: 'sim' });
  const otherKey = ['volumes', 'list', {}];
  const invalidated = () => queryClient.getQueryState(podsKey)?.isInvalidated ?? false;
  const revalidate = () => queryClient.setQueryData(podsKey, { pods: [], total: 0 });
  queryClient.setQueryData(podsKey, { pods: [], total: 0 });
  queryClient.setQueryData(otherKey, []);
  return { queryClient, tasks, port, invalidated, revalidate, otherKey };
}

describe('kubeCachePort', () => {
  it('invalidates the Kubernetes queries at once on the first change, and nothing else', () => {
    const { queryClient, port, invalidated, otherKey } = setup();
    port.apply([changed(1)]);
    expect(invalidated()).toBe(true);
    expect(queryClient.getQueryState(otherKey)?.isInvalidated).toBe(false);
  });

  it('refreshes at most once per second during a burst, with one trailing refresh for the last changes', () => {
    const { port, tasks, invalidated, revalidate } = setup();
    port.apply([changed(1)]);
    revalidate();
    port.apply([changed(2, 'claims')]);
    port.apply([changed(3, 'nodes')]);
    expect(invalidated()).toBe(false);
    expect(tasks.map((t) => t.ms)).toEqual([KUBE_REFRESH_MS]);
    tasks[0]?.task();
    expect(invalidated()).toBe(true);
    // The trailing refresh opens a new window of its own.
    expect(tasks).toHaveLength(2);
    revalidate();
    tasks[1]?.task();
    expect(invalidated()).toBe(false);
    expect(tasks).toHaveLength(2);
  });

  it('refreshes at once again after a quiet second', () => {
    const { port, tasks, invalidated, revalidate } = setup();
    port.apply([changed(1)]);
    tasks[0]?.task();
    revalidate();
    port.apply([changed(2)]);
    expect(invalidated()).toBe(true);
  });

  it('ignores an empty batch and refreshes after a resync', () => {
    const { port, tasks, invalidated } = setup();
    port.apply([]);
    expect(invalidated()).toBe(false);
    expect(tasks).toHaveLength(0);
    port.resync();
    expect(invalidated()).toBe(true);
  });
});
