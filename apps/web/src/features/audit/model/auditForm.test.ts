import { describe, expect, it } from 'vitest';
import { filtersFromForm, formFromFilters, toggleResult } from './auditForm';

describe('audit filter form', () => {
  it('turns the typed fields into filters, times in UTC', () => {
    const form = { actor: ' bob ', action: '', target: 'volume:', since: '2030-01-01T10:00', until: '' };
    expect(filtersFromForm(form, ['denied'])).toEqual({
      ok: true,
      filters: { actor: 'bob', target: 'volume:', result: ['denied'], since: '2030-01-01T10:00:00Z' },
    });
  });

  it('refuses a time range that ends before it starts', () => {
    const form = { actor: '', action: '', target: '', since: '2030-01-02T00:00', until: '2030-01-01T00:00' };
    expect(filtersFromForm(form, undefined)).toEqual({
      ok: false,
      message: '“Since” must be before “until”.',
    });
  });

  it('fills the form from the URL filters', () => {
    expect(formFromFilters({ action: 'DELETE', until: '2030-01-01T10:00:00Z' })).toEqual({
      actor: '',
      action: 'DELETE',
      target: '',
      since: '',
      until: '2030-01-01T10:00',
    });
  });

  it('toggles results', () => {
    expect(toggleResult(undefined, 'ok', true)).toEqual(['ok']);
    expect(toggleResult(['ok', 'error'], 'ok', false)).toEqual(['error']);
  });
});
