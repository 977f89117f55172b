/**
 * Whether the ISO time `at` lies within [since, until], compared as instants: as text,
 * "…:52.123Z" sorts before "…:52Z" ("." < "Z"), and an offset like "+02:00" would not compare at all.
 */
export function withinWindow(at: string, since: string | undefined, until: string | undefined): boolean {
  const time = Date.parse(at);
  if (since !== undefined && time < Date.parse(since)) return false;
  if (until !== undefined && time > Date.parse(until)) return false;
  return true;
}
