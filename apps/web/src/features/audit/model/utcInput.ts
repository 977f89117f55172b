const INPUT = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?$/;

/**
 * A datetime-local value read as UTC ("2030-01-01T10:00" → "2030-01-01T10:00:00Z"): the
 * console shows times in UTC, so the fields do too. Undefined for an empty or invalid value.
 */
export function utcInputToIso(value: string): string | undefined {
  const match = INPUT.exec(value.trim());
  if (!match) return undefined;
  const iso = `${match[1]}T${match[2]}:00Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** An ISO datetime as a datetime-local value in UTC ("2030-01-01T10:00:00Z" → "2030-01-01T10:00"). */
export function isoToUtcInput(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms).toISOString().slice(0, 16);
}
