import type { Volume, VolumeLayout, VolumeLifecycle } from '@drivebay/api-types';
import { VolumeLifecycleSchema } from '@drivebay/api-types';
import { volumeHealthRank } from '@drivebay/composer/health';
import { typeLabel } from '../../../shared/model/volumeLabels';
import { compareByName } from './byName';

export const SORT_COLUMNS = [
  'name',
  'claim',
  'workload',
  'cluster',
  'health',
  'lifecycle',
  'layout',
  'type',
  'capacity',
  'members',
  'server',
  'updated',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

/** The table's order; kept in the URL as `?sort=capacity&order=desc`. */
export interface VolumeSort {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

export const DEFAULT_SORT: VolumeSort = { column: 'name', direction: 'asc' };

/** Columns whose first click shows the largest or newest first. */
const DESCENDING_FIRST: ReadonlySet<SortColumn> = new Set(['capacity', 'members', 'updated']);

const LAYOUT_RANK: Record<VolumeLayout, number> = { single: 0, raid1: 1, raid10: 2 };
const lifecycleRank = (lifecycle: VolumeLifecycle) => VolumeLifecycleSchema.options.indexOf(lifecycle);

/** The value each column sorts by; health sorts worst first, unpublished volumes last. */
const SORT_KEYS: Record<SortColumn, (volume: Volume) => string | number> = {
  name: (v) => v.name,
  // An unbound volume's key is empty: first ascending, last descending.
  claim: (v) => (v.binding ? `${v.binding.namespace}/${v.binding.claim}` : ''),
  workload: (v) => v.binding?.workload ?? '',
  cluster: (v) => v.cluster,
  health: (v) => volumeHealthRank(v.health),
  lifecycle: (v) => lifecycleRank(v.lifecycle),
  layout: (v) => LAYOUT_RANK[v.layout],
  type: (v) => typeLabel(v),
  capacity: (v) => v.capacityBytes,
  members: (v) => v.members.length,
  server: (v) => v.server ?? '\uffff',
  // ISO-8601 times from one server compare as strings, far faster than parsing 50,000 dates.
  updated: (v) => v.updatedAt,
};

function isSortColumn(value: string | null): value is SortColumn {
  return value !== null && (SORT_COLUMNS as readonly string[]).includes(value);
}

/** The sort in `?sort=&order=`; anything unknown falls back to name, ascending. */
export function sortFromParams(params: URLSearchParams): VolumeSort {
  const column = params.get('sort');
  if (!isSortColumn(column)) return DEFAULT_SORT;
  return { column, direction: params.get('order') === 'desc' ? 'desc' : 'asc' };
}

/** `params` with the sort set; the default sort leaves the URL clean. */
export function withSort(params: URLSearchParams, sort: VolumeSort): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('sort');
  next.delete('order');
  if (sort.column === DEFAULT_SORT.column && sort.direction === DEFAULT_SORT.direction) return next;
  next.set('sort', sort.column);
  next.set('order', sort.direction);
  return next;
}

/** Clicking a column header: the same column flips direction, another starts at its natural one. */
export function nextSort(current: VolumeSort, column: SortColumn): VolumeSort {
  if (current.column === column) {
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { column, direction: DESCENDING_FIRST.has(column) ? 'desc' : 'asc' };
}

/**
 * The list in the table's order, ties by name. The cached list is already by name, so the
 * default sort returns it as it is; other sorts copy and sort once (keys computed once each).
 */
export function sortVolumes(list: readonly Volume[], sort: VolumeSort): readonly Volume[] {
  if (sort.column === 'name') return sort.direction === 'asc' ? list : [...list].reverse();
  const key = SORT_KEYS[sort.column];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const decorated = list.map((volume) => ({ volume, key: key(volume) }));
  decorated.sort((a, b) => {
    if (a.key !== b.key) return (a.key < b.key ? -1 : 1) * sign;
    return compareByName(a.volume, b.volume);
  });
  return decorated.map((entry) => entry.volume);
}
