import { describe, expect, it } from 'vitest';
import { filtersFromForm, formFromFilters } from './filterForm';

describe('filtersFromForm', () => {
  it('applies the typed fields and keeps the ticked choices', () => {
    const result = filtersFromForm(
      { object: 'drive drv-1', since: '2026-12-01 03:00', until: '' },
      { severity: ['critical'], since: '2020-01-01T00:00:00.000Z' },
    );
    expect(result).toEqual({
      ok: true,
      filters: {
        severity: ['critical'],
        object: 'drive:drv-1',
        since: '2026-12-01T03:00:00.000Z',
        until: undefined,
      },
    });
  });

  it('names the field to fix when a time is unreadable or the range is empty', () => {
    const empty = { object: '', since: '', until: '' };
    expect(filtersFromForm({ ...empty, since: 'last night' }, {})).toMatchObject({
      ok: false,
      problem: { field: 'since' },
    });
    expect(filtersFromForm({ ...empty, since: '2026-12-02', until: '2026-12-01' }, {})).toMatchObject({
      ok: false,
      problem: { field: 'until', message: '“Until” must be after “since”.' },
    });
  });

  it('round-trips through the fields as they show the URL', () => {
    const filters = { object: 'pvc-1', since: '2026-12-01T03:00:00.000Z', until: '2026-12-01T03:59:59.999Z' };
    const form = formFromFilters(filters);
    expect(form).toEqual({ object: 'pvc-1', since: '2026-12-01 03:00', until: '2026-12-01 03:59' });
    expect(filtersFromForm(form, {})).toEqual({ ok: true, filters });
  });
});
