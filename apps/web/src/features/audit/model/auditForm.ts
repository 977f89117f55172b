import type { AuditResult } from '@drivebay/api-types';
import { isoToUtcText, utcTextToIso } from '../../../shared/format/utcText';
import { type AuditFilters, TEXT_FILTERS } from './auditFilters';

/** The filter bar's fields as typed: times as UTC text, as the Events page and every table write them. */
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
    since: isoToUtcText(filters.since, 'since'),
    until: isoToUtcText(filters.until, 'until'),
  };
}

/** The filters the form asks for, with `result` kept; or why they make no sense. */
export function filtersFromForm(
  form: AuditForm,
  result: readonly AuditResult[] | undefined,
): { ok: true; filters: AuditFilters } | { ok: false; message: string } {
  const since = utcTextToIso(form.since, 'since');
  const until = utcTextToIso(form.until, 'until');
  for (const [label, value, typed] of [
    ['Since', since, form.since],
    ['Until', until, form.until],
  ] as const)
    if (value === null)
      return {
        ok: false,
        message: `“${label}” “${typed.trim()}” is not a UTC time: write YYYY-MM-DD HH:MM.`,
      };
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
