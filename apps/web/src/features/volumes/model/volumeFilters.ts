import {
  type Volume,
  type VolumeListQuery,
  VolumeListQuerySchema,
  volumeMatchesText,
} from '@drivebay/api-types';

/** The list filters the server understands (GET /api/v1/volumes), without paging. */
export type VolumeFilters = Partial<
  Pick<VolumeListQuery, 'q' | 'health' | 'lifecycle' | 'type' | 'cluster' | 'storageGroup' | 'drive'>
>;

export type VolumeFilterName = keyof VolumeFilters;

/** Filter names in the order they appear in URLs, query keys and the filter bar. */
export const FILTER_NAMES: readonly VolumeFilterName[] = [
  'q',
  'health',
  'lifecycle',
  'type',
  'cluster',
  'storageGroup',
  'drive',
];

/**
 * Whether the server would list `volume` under `filters`; mirrors GET /api/v1/volumes so
 * live deltas move volumes in and out of a filtered list. `type` is the StorageClass type.
 */
export function matchesFilters(volume: Volume, filters: VolumeFilters): boolean {
  if (filters.health && volume.health !== filters.health) return false;
  if (filters.lifecycle && volume.lifecycle !== filters.lifecycle) return false;
  if (filters.type && volume.request.parameters.type !== filters.type) return false;
  if (filters.cluster && volume.cluster !== filters.cluster) return false;
  const { storageGroup, drive } = filters;
  if (storageGroup && !volume.members.some((m) => m.storageGroup === storageGroup)) return false;
  if (drive && !volume.members.some((m) => m.driveId === drive)) return false;
  if (filters.q && !volumeMatchesText(volume, filters.q)) return false;
  return true;
}

/** Only the filters that are set, so equal filters make equal query keys and URLs. */
export function normalizeFilters(filters: VolumeFilters): VolumeFilters {
  const out: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value) out[name] = value;
  }
  return out as VolumeFilters;
}

export function hasFilters(filters: VolumeFilters): boolean {
  return FILTER_NAMES.some((name) => Boolean(filters[name]));
}

/** Filters from a URL query or a query key; values the server would reject are left out. */
export function parseFilters(source: URLSearchParams | Readonly<Record<string, unknown>>): VolumeFilters {
  const read = (name: VolumeFilterName): unknown =>
    source instanceof URLSearchParams ? (source.get(name) ?? undefined) : source[name];
  const out: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = read(name);
    if (value === undefined || value === '') continue;
    // The server's own query schema decides what is valid.
    const parsed = VolumeListQuerySchema.shape[name].safeParse(value);
    if (parsed.success && parsed.data) out[name] = parsed.data;
  }
  return out as VolumeFilters;
}

/** `params` with the filters replaced by `filters`; other parameters (the sort) are kept. */
export function withFilters(params: URLSearchParams, filters: VolumeFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}

/** The query string for GET /api/v1/volumes. */
export function listQueryString(filters: VolumeFilters, offset: number, limit: number): string {
  const params = withFilters(new URLSearchParams(), filters);
  params.set('offset', String(offset));
  params.set('limit', String(limit));
  return params.toString();
}

/** Filters from what was typed or picked, trimmed; names the fields whose values are not valid. */
export function filtersFromInput(input: Partial<Record<VolumeFilterName, string>>): {
  filters: VolumeFilters;
  rejected: VolumeFilterName[];
} {
  const trimmed: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = input[name]?.trim();
    if (value) trimmed[name] = value;
  }
  const filters = parseFilters(trimmed);
  const rejected = FILTER_NAMES.filter((name) => trimmed[name] !== undefined && filters[name] === undefined);
  return { filters, rejected };
}
