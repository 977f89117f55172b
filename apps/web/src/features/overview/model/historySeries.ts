import type { MetricsHistory } from '@drivebay/api-types';

const TB = 1e12;

/** One chart row: time in ms, capacity in TB (one decimal), counts and the event rate. */
export interface HistoryRow {
  readonly t: number;
  readonly hddUsedTB: number;
  readonly ssdWholeUsedTB: number;
  readonly ssdSlicedUsedTB: number;
  readonly volumes: number;
  readonly allocations: number;
  readonly eventsPerMinute: number;
}

const tb = (bytes: number) => Math.round((bytes / TB) * 10) / 10;

/** Chart rows from the recorded history, oldest first; samples with unreadable times are left out. */
export function historyRows(history: MetricsHistory): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const sample of history.samples) {
    const t = Date.parse(sample.at);
    if (Number.isNaN(t)) continue;
    rows.push({
      t,
      hddUsedTB: tb(sample.usedBytes.hdd),
      ssdWholeUsedTB: tb(sample.usedBytes.ssdWhole),
      ssdSlicedUsedTB: tb(sample.usedBytes.ssdSliced),
      volumes: sample.volumes,
      allocations: sample.allocations,
      eventsPerMinute: sample.eventsPerMinute,
    });
  }
  return rows;
}

/** An axis tick: "14:05" within a day of the newest point, else "12-01 14:05" (UTC, like every time here). */
export function tickLabel(t: number, newest: number): string {
  const iso = new Date(t).toISOString();
  return newest - t < 86_400_000 ? iso.slice(11, 16) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}

/** "over the last 3 h (180 samples)": what span the charts cover. */
export function historySpan(history: MetricsHistory, rows: readonly HistoryRow[]): string {
  const first = rows[0]?.t;
  const last = rows.at(-1)?.t;
  if (first === undefined || last === undefined) return 'no samples recorded yet';
  if (rows.length < 2) return 'one sample so far';
  const minutes = Math.round((last - first) / 60_000);
  const span =
    minutes < 120
      ? `${minutes} min`
      : minutes < 2880
        ? `${Math.round(minutes / 60)} h`
        : `${Math.round(minutes / 1440)} d`;
  const samples = `${history.recorded} sample${history.recorded === 1 ? '' : 's'}`;
  return `over the last ${span} (${samples}${history.recorded > rows.length ? `, shown as ${rows.length} points` : ''})`;
}
