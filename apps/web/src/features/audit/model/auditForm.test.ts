import { describe, expect, it } from 'vitest';
import { filtersFromForm, formFromFilters, toggleResult } from './auditForm';

describe('audit filter form', () => {
  it('turns the typed fields into filters, times in UTC', () => {
    const form = { actor: ' bob ', action: '', target: 'volume:', since: '2030-01-01 10:00', until: '' };
    expect(filtersFromForm(form, ['denied'])).toEqual({
      ok: true,
      filters: { actor: 'bob', target: 'volume:', result: ['denied'], since: '2030-01-01T10:00:00.000Z' },
    });
  });

  it('refuses a time range that ends before it starts', () => {
    const form = { actor: '', action: '', target: '', since: '2030-01-02 00:00', until: '2030-01-01 00:00' };
    expect(filtersFromForm(form, undefined)).toEqual({
      ok: false,
      message: '“Since” must be before “until”.',
    });
  });

  it('fills the form from the URL filters', () => {
    expect(formFromFilters({ action: 'DELETE', until: '2030-01-01T10:00:59.999Z' })).toEqual({
      actor: '',
      action: 'DELETE',
      target: '',
      since: '',
      until: '2030-01-01 10:00',
    });
  });

  it('toggles results', () => {
    expect(toggleResult(undefined, 'ok', true)).toEqual(['ok']);
    expect(toggleResult(['ok', 'error'], 'ok', false)).toEqual(['error']);
  });
});

describe('the time fields', () => {
  const form = { actor: '', action: '', target: '', since: '', until: '' };

  it('take a UTC time as a table row writes it, the minute included whole', () => {
    expect(
      filtersFromForm({ ...form, since: '2030-01-01 10:05', until: '2030-01-01 10:05' }, undefined),
    ).toEqual({
      ok: true,
      filters: { since: '2030-01-01T10:05:00.000Z', until: '2030-01-01T10:05:59.999Z' },
    });
    expect(filtersFromForm({ ...form, since: '2030-01-02' }, undefined)).toEqual({
      ok: true,
      filters: { since: '2030-01-02T00:00:00.000Z' },
    });
  });

  it('say which field cannot be read, and what to write', () => {
    const read = filtersFromForm({ ...form, until: 'yesterday' }, undefined);
    expect(read).toEqual({
      ok: false,
      message: expect.stringMatching(/^“Until” “yesterday” is not a UTC time/),
    });
    expect(filtersFromForm({ ...form, since: '2030-01-02', until: '2030-01-01' }, undefined).ok).toBe(false);
  });

  it('show the filters back as they were typed', () => {
    expect(formFromFilters({ since: '2030-01-01T10:05:00.000Z', until: '2030-01-01T10:05:59.999Z' })).toEqual(
      {
        ...form,
        since: '2030-01-01 10:05',
        until: '2030-01-01 10:05',
      },
    );
  });
});
