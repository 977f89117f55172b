import { describe, expect, it } from 'vitest';
import {
  auditFiltersFromParams,
  auditQueryString,
  hasAuditFilters,
  normalizeAuditFilters,
  withAuditFilters,
} from './auditFilters';

const params = (query: string) => new URLSearchParams(query);

describe('audit filters in the URL', () => {
  it('reads every filter from a deep link', () => {
    expect(
      auditFiltersFromParams(
        params(
          'actor=user:bob&action=DELETE&target=volume:pvc-1&result=denied,ok&since=2030-01-01T10:00:00Z',
        ),
      ),
    ).toEqual({
      actor: 'user:bob',
      action: 'DELETE',
      target: 'volume:pvc-1',
      result: ['ok', 'denied'],
      since: '2030-01-01T10:00:00Z',
    });
  });

  it('drops what the server would reject, and a result list that means "all"', () => {
    expect(auditFiltersFromParams(params('since=yesterday&result=maybe,error&actor=%20'))).toEqual({
      result: ['error'],
    });
    expect(auditFiltersFromParams(params('result=ok,denied,rejected,error'))).toEqual({});
  });

  it('writes filters in a fixed order and keeps other parameters', () => {
    const next = withAuditFilters(params('tab=x&actor=old'), {
      until: '2030-01-02T00:00:00Z',
      result: ['error', 'ok'],
      actor: ' alice ',
    });
    expect(next.toString()).toBe('tab=x&actor=alice&result=ok%2Cerror&until=2030-01-02T00%3A00%3A00Z');
  });

  it('round-trips', () => {
    const filters = { actor: 'user:bob', result: ['denied' as const], since: '2030-01-01T10:00:00Z' };
    expect(auditFiltersFromParams(withAuditFilters(params(''), filters))).toEqual(filters);
  });

  it('normalizes equal filters to equal objects and knows when none are set', () => {
    expect(normalizeAuditFilters({ actor: '', result: [] })).toEqual({});
    expect(hasAuditFilters({ actor: '  ' })).toBe(false);
    expect(hasAuditFilters({ target: 'user:bob' })).toBe(true);
  });
});

describe('auditQueryString', () => {
  it('adds paging after the filters', () => {
    expect(auditQueryString({ action: 'volumes' }, { before: 'a-42', limit: 100 })).toBe(
      'action=volumes&before=a-42&limit=100',
    );
  });

  it('asks for CSV with the same filters', () => {
    expect(auditQueryString({ result: ['denied'] }, { format: 'csv', limit: 10_000 })).toBe(
      'result=denied&limit=10000&format=csv',
    );
  });
});
