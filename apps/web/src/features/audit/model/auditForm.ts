import type { AuditResult } from '@drivebay/api-types';
import { type AuditFilters, TEXT_FILTERS } from './auditFilters';
import { isoToUtcInput, utcInputToIso } from './utcInput';

/** The filter bar's fields as typed: datetime-local values, in UTC. */
export interface AuditForm {
  actor: string;
  action: string;
  target: string;
  since: string;
  until: string;
}

export function formFromFilters(filters: AuditFilters): AuditForm {
  return {
    actor: filters.actor ?? '',
    action: filters.action ?? '',
    target: filters.target ?? '',
    since: isoToUtcInput(filters.since),
    until: isoToUtcInput(filters.until),
  };
}

/** The filters the form asks for, with `result` kept; or why they make no sense. */
export function filtersFromForm(
  form: AuditForm,
  result: readonly AuditResult[] | undefined,
): { ok: true; filters: AuditFilters } | { ok: false; message: string } {
  const since = utcInputToIso(form.since);
  const until = utcInputToIso(form.until);
  if (since && until && since >= until) return { ok: false, message: '“Since” must be before “until”.' };
  const filters: { -readonly [K in keyof AuditFilters]: AuditFilters[K] } = {};
  for (const name of TEXT_FILTERS) {
    const value = form[name].trim();
    if (value) filters[name] = value;
  }
  if (result && result.length > 0) filters.result = result;
  if (since) filters.since = since;
  if (until) filters.until = until;
  return { ok: true, filters };
}

/** `result` with `value` switched on or off. */
export function toggleResult(
  result: readonly AuditResult[] | undefined,
  value: AuditResult,
  on: boolean,
): AuditResult[] {
  const rest = (result ?? []).filter((r) => r !== value);
  return on ? [...rest, value] : rest;
}
