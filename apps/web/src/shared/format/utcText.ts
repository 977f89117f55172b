/** Which end of a time range a typed time bounds. */
export type Bound = 'since' | 'until';

const TEXT = /^(\d{4}-\d\d-\d\d)(?:[T ]+(\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?)?\s*(?:Z|UTC)?$/i;

/**
 * A typed UTC time ("2026-12-01", "2026-12-01 03:05", or "2026-12-01 03:05:09 UTC" as the
 * timeline shows times) as an ISO instant. "Since" starts and "until" ends with the unit typed
 * (day, minute or second), so a time copied from a row includes that row's event. The
 * milliseconds are spelled out because event times carry them and the server compares as text.
 * Undefined when empty; null when unreadable.
 */
export function utcTextToIso(text: string, bound: Bound): string | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = TEXT.exec(trimmed);
  if (!match) return null;
  const [, date, hours, minutes, seconds] = match;
  const start = Date.parse(`${date}T${hours ?? '00'}:${minutes ?? '00'}:${seconds ?? '00'}.000Z`);
  if (Number.isNaN(start)) return null;
  const unit = hours === undefined ? 86_400_000 : seconds === undefined ? 60_000 : 1_000;
  const at = bound === 'since' ? start : start + unit - 1;
  const iso = new Date(at).toISOString();
  // Date.parse rolls 2026-02-30 over into March: refuse what the calendar does not have.
  return iso.startsWith(date ?? '') ? iso : null;
}

/** An ISO instant as the field shows it: "2026-12-01 03:05", with seconds when they matter. */
export function isoToUtcText(iso: string | undefined, bound: Bound): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const text = new Date(ms).toISOString();
  const edge = bound === 'since' ? ':00.000Z' : ':59.999Z';
  const wholeMinute = text.endsWith(edge);
  return `${text.slice(0, 10)} ${text.slice(11, wholeMinute ? 16 : 19)}`;
}
