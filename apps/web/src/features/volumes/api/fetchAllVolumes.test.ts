import type { Volume } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildVolume } from '../../../shared/testing/buildVolume';
import { fetchAllVolumes, ListShiftedError, PAGE_SIZE, type VolumePageFetcher } from './fetchAllVolumes';

const named = (i: number) => buildVolume({ name: `pvc-${String(i).padStart(6, '0')}` });

function serverWith(volumes: Volume[]) {
  const calls: { offset: number; limit: number }[] = [];
  const getPage: VolumePageFetcher = async (_filters, offset, limit) => {
    calls.push({ offset, limit });
    return { volumes: volumes.slice(offset, offset + limit), total: volumes.length };
  };
  return { calls, getPage, volumes };
}

describe('fetchAllVolumes', () => {
  it('loads one short list in one request', async () => {
    const server = serverWith([named(1), named(2)]);
    expect((await fetchAllVolumes({}, server.getPage)).map((v) => v.name)).toEqual([
      'pvc-000001',
      'pvc-000002',
    ]);
    expect(server.calls).toEqual([{ offset: 0, limit: PAGE_SIZE }]);
  });

  it('pages through 5,000 volumes with overlapping pages and no duplicates', async () => {
    const server = serverWith(Array.from({ length: 5_000 }, (_, i) => named(i)));
    const progress: number[] = [];
    const all = await fetchAllVolumes({}, server.getPage, { onProgress: (loaded) => progress.push(loaded) });
    expect(all).toHaveLength(5_000);
    expect(new Set(all.map((v) => v.id)).size).toBe(5_000);
    expect(all[4_999]?.name).toBe('pvc-004999');
    expect(server.calls.every((c) => c.limit === 1000)).toBe(true);
    expect(progress.at(-1)).toBe(5_000);
  });

  it('follows a list that grew while it loaded', async () => {
    const volumes = Array.from({ length: 1_500 }, (_, i) => named(i * 2));
    let grown = false;
    const getPage: VolumePageFetcher = async (_filters, offset, limit) => {
      if (offset > 0 && !grown) {
        grown = true;
        for (let i = 0; i < 1_000; i++) volumes.push(named(10_000 + i));
      }
      return { volumes: volumes.slice(offset, offset + limit), total: volumes.length };
    };
    expect(await fetchAllVolumes({}, getPage)).toHaveLength(2_500);
  });

  it('absorbs volumes created and a few deleted before a page boundary while loading', async () => {
    const volumes = Array.from({ length: 1_500 }, (_, i) => named(i * 2 + 100));
    let changed = false;
    const getPage: VolumePageFetcher = async (_filters, offset, limit) => {
      if (offset > 0 && !changed) {
        changed = true;
        volumes.splice(0, 10);
        volumes.splice(5, 0, ...Array.from({ length: 30 }, (_, i) => named(i)));
      }
      return { volumes: volumes.slice(offset, offset + limit), total: volumes.length };
    };
    const all = new Set((await fetchAllVolumes({}, getPage)).map((v) => v.name));
    // Every volume that existed throughout arrived; the journal replays the creations and
    // deletions that happened during the load.
    const survivors = volumes.filter((v) => v.name >= 'pvc-000100').map((v) => v.name);
    expect(survivors.filter((name) => !all.has(name))).toEqual([]);
  });

  it('throws ListShiftedError when more volumes vanish before a boundary than the pages overlap', async () => {
    const volumes = Array.from({ length: 1_500 }, (_, i) => named(i));
    let deleted = false;
    const getPage: VolumePageFetcher = async (_filters, offset, limit) => {
      if (offset > 0 && !deleted) {
        deleted = true;
        volumes.splice(0, 50);
      }
      return { volumes: volumes.slice(offset, offset + limit), total: volumes.length };
    };
    await expect(fetchAllVolumes({}, getPage)).rejects.toBeInstanceOf(ListShiftedError);
  });
});
