/** "2025-06-01 14:03 UTC": one zone for everyone on a call at 3 a.m. */
export function formatTimestamp(iso: string, withSeconds = false): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const text = new Date(ms).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, withSeconds ? 19 : 16)} UTC`;
}

const UTC_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d.*Z$/;

/** "2025-06-01 14:03" (or "14:03:09" with seconds) for cells whose header names the zone; UTC ISO strings are just cut. */
export function formatShortTimestamp(iso: string, withSeconds = false): string {
  if (UTC_ISO.test(iso)) return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)}`;
  return formatTimestamp(iso, withSeconds).replace(/ UTC$/, '');
}

/** "14:05 UTC" when `iso` falls on the same UTC day as `day`, else "2026-12-04 14:05 UTC" (as formatTimestamp). */
export function formatTimeOnDay(iso: string, day: string): string {
  const full = formatTimestamp(iso);
  const sameDay = !Number.isNaN(Date.parse(day)) && full.slice(0, 10) === formatTimestamp(day).slice(0, 10);
  return sameDay && full !== iso ? full.slice(11) : full;
}

/** "40 s", "12 min", "2 h 5 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
