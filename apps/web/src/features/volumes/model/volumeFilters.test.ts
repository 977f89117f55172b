import { describe, expect, it } from 'vitest';
import {
  filtersFromInput,
  hasFilters,
  listQueryString,
  normalizeFilters,
  parseFilters,
  withFilters,
} from './volumeFilters';

describe('volume filters', () => {
  it('reads valid filters from the URL and drops what the server would reject', () => {
    const params = new URLSearchParams(
      'health=degraded&lifecycle=NodePublished&type=slice&cluster=prod&storageGroup=sg-a&sort=capacity',
    );
    expect(parseFilters(params)).toEqual({
      health: 'degraded',
      lifecycle: 'NodePublished',
      type: 'slice',
      cluster: 'prod',
      storageGroup: 'sg-a',
    });
    expect(parseFilters(new URLSearchParams('health=sad&type=&cluster=Bad Name'))).toEqual({});
  });

  it('reads filters back from a query key object', () => {
    expect(parseFilters({ drive: 'drv-1', health: 'nope' })).toEqual({ drive: 'drv-1' });
  });

  it('writes filters into the URL, keeping the sort', () => {
    const params = new URLSearchParams('health=failed&sort=capacity&order=desc');
    expect(withFilters(params, { health: 'degraded', cluster: 'prod' }).toString()).toBe(
      'health=degraded&sort=capacity&order=desc&cluster=prod',
    );
    expect(withFilters(params, {}).toString()).toBe('sort=capacity&order=desc');
  });

  it('normalizes filters so equal filters make equal keys', () => {
    expect(normalizeFilters({ health: undefined, cluster: '', type: 'hdd' })).toEqual({ type: 'hdd' });
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ drive: 'd' })).toBe(true);
  });

  it('builds the list query string', () => {
    expect(listQueryString({ health: 'failed', drive: 'd-1' }, 980, 1000)).toBe(
      'health=failed&drive=d-1&offset=980&limit=1000',
    );
  });
});

describe('filtersFromInput', () => {
  it('trims what was typed and names what is not valid', () => {
    expect(filtersFromInput({ health: 'failed', cluster: ' prod ', storageGroup: '' })).toEqual({
      filters: { health: 'failed', cluster: 'prod' },
      rejected: [],
    });
    expect(filtersFromInput({ cluster: 'Prod Cluster', storageGroup: 'sg-a' })).toEqual({
      filters: { storageGroup: 'sg-a' },
      rejected: ['cluster'],
    });
  });
});
