import { type Bound, isoToUtcText, utcTextToIso } from '../../../shared/format/utcText';
import { type EventFilters, objectFilterFromInput } from './eventFilters';

/** The filter bar's text fields as typed; times in UTC. */
export interface EventForm {
  readonly object: string;
  readonly since: string;
  readonly until: string;
}

/** Why the typed fields were not applied, and which field to fix. */
export interface FormProblem {
  readonly field: Bound;
  readonly message: string;
}

export function formFromFilters(filters: EventFilters): EventForm {
  return {
    object: filters.object ?? '',
    since: isoToUtcText(filters.since, 'since'),
    until: isoToUtcText(filters.until, 'until'),
  };
}

/** `filters` with the typed fields applied (the ticked choices kept); or what to fix. */
export function filtersFromForm(
  form: EventForm,
  filters: EventFilters,
): { ok: true; filters: EventFilters } | { ok: false; problem: FormProblem } {
  const since = utcTextToIso(form.since, 'since');
  const until = utcTextToIso(form.until, 'until');
  for (const [field, value] of [
    ['since', since],
    ['until', until],
  ] as const) {
    if (value === null)
      return { ok: false, problem: { field, message: 'Write a UTC time as YYYY-MM-DD HH:MM.' } };
  }
  if (since && until && since >= until)
    return { ok: false, problem: { field: 'until', message: '“Until” must be after “since”.' } };
  return {
    ok: true,
    filters: {
      ...filters,
      object: objectFilterFromInput(form.object),
      since: since ?? undefined,
      until: until ?? undefined,
    },
  };
}
