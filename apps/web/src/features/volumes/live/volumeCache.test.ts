import type { Volume } from '@drivebay/api-types';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { buildMember, buildVolume, buildVolumeEvent, volumeDelta } from '../../../shared/testing/buildVolume';
import { VolumeJournal } from '../api/volumeJournal';
import { volumeKeys } from '../api/volumeKeys';
import type { VolumeEventList } from '../model/volumeEvents';
import { COUNTS_REFRESH_MS, volumeCachePort } from './volumeCache';

function setup() {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  const tasks: { task: () => void; ms: number }[] = [];
  const journal = new VolumeJournal();
  const port = volumeCachePort(queryClient, {
    journal,
    schedule: (task, ms) => {
      tasks.push({ task, ms });
      return () => {};
    },
  });
  return { queryClient, tasks, journal, port };
}

describe('volumeCachePort', () => {
  it('applies volume deltas to every cached list with its own filters', () => {
    const { queryClient, port } = setup();
    const a = buildVolume({ name: 'pvc-a', members: [buildMember({ driveId: 'd1' })] });
    queryClient.setQueryData(volumeKeys.list({}), [a]);
    queryClient.setQueryData(volumeKeys.list({ health: 'degraded' }), []);
    queryClient.setQueryData(volumeKeys.list({ drive: 'd1' }), [a]);
    const degraded = buildVolume({
      name: 'pvc-a',
      health: 'degraded',
      members: [buildMember({ driveId: 'd2' })],
    });
    port.apply([volumeDelta.put(5, degraded)]);
    const read = (key: readonly unknown[]) =>
      queryClient.getQueryData<readonly Volume[]>(key)?.map((v) => v.health);
    expect(read(volumeKeys.list({}))).toEqual(['degraded']);
    expect(read(volumeKeys.list({ health: 'degraded' }))).toEqual(['degraded']);
    expect(read(volumeKeys.list({ drive: 'd1' }))).toEqual([]);
  });

  it('updates an open volume, marks a deleted one as gone, and prepends its events', () => {
    const { queryClient, port } = setup();
    queryClient.setQueryData(volumeKeys.detail('pvc-a'), buildVolume({ name: 'pvc-a' }));
    queryClient.setQueryData<VolumeEventList>(volumeKeys.events('pvc-a'), { events: [], hasOlder: false });
    port.apply([
      volumeDelta.event(6, buildVolumeEvent({ id: 'ev-2', subject: { kind: 'volume', id: 'pvc-a' } })),
      volumeDelta.remove(7, 'pvc-a'),
    ]);
    expect(queryClient.getQueryData(volumeKeys.detail('pvc-a'))).toBeNull();
    expect(
      queryClient.getQueryData<VolumeEventList>(volumeKeys.events('pvc-a'))?.events.map((e) => e.id),
    ).toEqual(['ev-2']);
  });

  it('refreshes the health counts once per burst of volume changes, not for events alone', async () => {
    const { queryClient, port, tasks } = setup();
    queryClient.setQueryData(volumeKeys.counts(), { total: 1, byHealth: {} });
    port.apply([volumeDelta.event(1, buildVolumeEvent())]);
    expect(tasks).toHaveLength(0);
    port.apply([volumeDelta.remove(2, 'a')]);
    port.apply([volumeDelta.remove(3, 'b')]);
    expect(tasks.map((t) => t.ms)).toEqual([COUNTS_REFRESH_MS]);
    tasks[0]?.task();
    expect(queryClient.getQueryState(volumeKeys.counts())?.isInvalidated).toBe(true);
    port.apply([volumeDelta.remove(4, 'c')]);
    expect(tasks).toHaveLength(2);
  });

  it('records deltas for loads in flight, and invalidates everything on resync', () => {
    const { queryClient, port, journal } = setup();
    const reader = journal.open();
    queryClient.setQueryData(volumeKeys.detail('pvc-a'), buildVolume({ name: 'pvc-a' }));
    port.apply([volumeDelta.remove(2, 'x')]);
    expect(journal.read(reader)).toHaveLength(1);
    port.resync();
    expect(journal.read(reader)).toBeUndefined();
    expect(queryClient.getQueryState(volumeKeys.detail('pvc-a'))?.isInvalidated).toBe(true);
  });
});
