import type { Volume, VolumeList } from '@drivebay/api-types';
import { compareByName, isSortedByName } from '../model/byName';
import type { VolumeFilters } from '../model/volumeFilters';

/** GET /api/v1/volumes for one page. */
export type VolumePageFetcher = (
  filters: VolumeFilters,
  offset: number,
  limit: number,
  signal?: AbortSignal,
) => Promise<VolumeList>;

/** The server's largest page. */
export const PAGE_SIZE = 1000;
/**
 * Pages overlap by this many volumes: a volume deleted before a page boundary while the list
 * loads shifts the rest back by one, and without overlap a volume would fall in the gap.
 * (Creations shift them forward: more overlap, removed as duplicates.)
 */
export const PAGE_OVERLAP = 20;
const STEP = PAGE_SIZE - PAGE_OVERLAP;
const CONCURRENCY = 4;

/** The list changed under the paging faster than the overlap covers; loading again fixes it. */
export class ListShiftedError extends Error {
  constructor() {
    super('The volume list changed faster than it could be loaded; loading it again.');
    this.name = 'ListShiftedError';
  }
}

interface FetchAllOptions {
  signal?: AbortSignal;
  /** Called after each page with how many volumes have arrived and the server's latest total. */
  onProgress?: (loaded: number, total: number) => void;
}

/**
 * Every volume matching `filters`, by name: the first page says how many there are, the rest
 * load a few at a time. Overlapping pages are checked for continuity and de-duplicated.
 */
export async function fetchAllVolumes(
  filters: VolumeFilters,
  getPage: VolumePageFetcher,
  options: FetchAllOptions = {},
): Promise<Volume[]> {
  const { signal, onProgress } = options;
  const pages = new Map<number, readonly Volume[]>();
  let loaded = 0;
  let total = 0;
  const load = async (offset: number) => {
    const page = await getPage(filters, offset, PAGE_SIZE, signal);
    pages.set(offset, page.volumes);
    loaded += page.volumes.length;
    total = page.total;
    onProgress?.(Math.min(loaded, total), total);
    return page;
  };

  const first = await load(0);
  const planned: number[] = [];
  for (let offset = STEP; offset < first.total; offset += STEP) planned.push(offset);
  await inBatches(planned, CONCURRENCY, load);

  // The list may have grown while it loaded: follow it until a page comes back short.
  let last = Math.max(0, ...pages.keys());
  const limit = last + STEP * (planned.length + 10);
  while ((pages.get(last)?.length ?? 0) === PAGE_SIZE && last < limit) {
    last += STEP;
    await load(last);
  }
  return stitch(pages);
}

async function inBatches<T>(items: readonly T[], size: number, task: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

/** Joins pages in offset order, dropping the overlap; throws if two pages do not meet. */
function stitch(pages: Map<number, readonly Volume[]>): Volume[] {
  const offsets = [...pages.keys()].sort((a, b) => a - b);
  const seen = new Set<string>();
  const out: Volume[] = [];
  let previous: readonly Volume[] | undefined;
  for (const offset of offsets) {
    const page = pages.get(offset) ?? [];
    const previousLast = previous?.at(-1);
    const first = page[0];
    if (previous?.length === PAGE_SIZE && previousLast && first && compareByName(first, previousLast) > 0) {
      throw new ListShiftedError();
    }
    for (const volume of page) {
      if (seen.has(volume.id)) continue;
      seen.add(volume.id);
      out.push(volume);
    }
    previous = page;
  }
  return isSortedByName(out) ? out : out.sort(compareByName);
}
