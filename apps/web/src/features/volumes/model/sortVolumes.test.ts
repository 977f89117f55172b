import type { Volume } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildMember, buildVolume } from '../../../shared/testing/buildVolume';
import { DEFAULT_SORT, nextSort, sortFromParams, sortVolumes, withSort } from './sortVolumes';

const names = (list: readonly Volume[]) => list.map((v) => v.name);
const list = [
  buildVolume({
    name: 'a',
    health: 'healthy',
    capacityBytes: 300,
    server: 'srv-2',
    updatedAt: '2025-06-01T10:00:00Z',
  }),
  buildVolume({
    name: 'b',
    health: 'failed',
    capacityBytes: 100,
    server: null,
    updatedAt: '2025-06-03T10:00:00Z',
  }),
  buildVolume({
    name: 'c',
    health: 'degraded',
    capacityBytes: 300,
    server: 'srv-1',
    members: [buildMember(), buildMember({ copy: 1 })],
    updatedAt: '2025-06-02T10:00:00Z',
  }),
];

describe('sortVolumes', () => {
  it('keeps the name order as it is', () => {
    expect(sortVolumes(list, DEFAULT_SORT)).toBe(list);
    expect(names(sortVolumes(list, { column: 'name', direction: 'desc' }))).toEqual(['c', 'b', 'a']);
  });

  it('sorts health worst first, ties by name', () => {
    expect(names(sortVolumes(list, { column: 'health', direction: 'asc' }))).toEqual(['b', 'c', 'a']);
  });

  it('sorts capacity with ties by name, both directions', () => {
    expect(names(sortVolumes(list, { column: 'capacity', direction: 'asc' }))).toEqual(['b', 'a', 'c']);
    expect(names(sortVolumes(list, { column: 'capacity', direction: 'desc' }))).toEqual(['a', 'c', 'b']);
  });

  it('puts unpublished volumes last by server, and sorts by members and update time', () => {
    expect(names(sortVolumes(list, { column: 'server', direction: 'asc' }))).toEqual(['c', 'a', 'b']);
    expect(names(sortVolumes(list, { column: 'members', direction: 'desc' }))).toEqual(['c', 'a', 'b']);
    expect(names(sortVolumes(list, { column: 'updated', direction: 'desc' }))).toEqual(['b', 'c', 'a']);
  });

  it('does not touch the cached list', () => {
    const copy = [...list];
    sortVolumes(list, { column: 'capacity', direction: 'desc' });
    expect(list).toEqual(copy);
  });

  it('sorts 50,000 volumes by capacity quickly', () => {
    const big = Array.from({ length: 50_000 }, (_, i) =>
      buildVolume({ name: `pvc-${i}`, capacityBytes: ((i * 7919) % 1000) + 1 }),
    );
    const sorted = sortVolumes(big, { column: 'capacity', direction: 'desc' });
    expect(sorted[0]?.capacityBytes).toBe(1000);
  });
});

describe('sort in the URL', () => {
  it('reads and writes ?sort=&order=, leaving the default out', () => {
    expect(sortFromParams(new URLSearchParams('sort=capacity&order=desc'))).toEqual({
      column: 'capacity',
      direction: 'desc',
    });
    expect(sortFromParams(new URLSearchParams('sort=nonsense'))).toEqual(DEFAULT_SORT);
    const params = new URLSearchParams('health=failed');
    expect(withSort(params, { column: 'health', direction: 'asc' }).toString()).toBe(
      'health=failed&sort=health&order=asc',
    );
    expect(withSort(new URLSearchParams('sort=health&order=asc'), DEFAULT_SORT).toString()).toBe('');
  });

  it('flips the same column and starts others at their natural direction', () => {
    expect(nextSort(DEFAULT_SORT, 'name')).toEqual({ column: 'name', direction: 'desc' });
    expect(nextSort(DEFAULT_SORT, 'capacity')).toEqual({ column: 'capacity', direction: 'desc' });
    expect(nextSort(DEFAULT_SORT, 'health')).toEqual({ column: 'health', direction: 'asc' });
  });
});
