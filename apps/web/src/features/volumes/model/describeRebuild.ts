import { formatDuration } from '../../../shared/format/time';

/** A rebuild's progress in words: "43% · ETA 14:32 UTC (in 12 min)". */
export function describeRebuild(
  rebuild: { progress: number; eta: string },
  now: number,
  running: boolean,
): string {
  const percent = `${Math.floor(rebuild.progress * 100)}%`;
  if (!running) return `${percent} copied; rebuild stopped, the copy is partial`;
  const eta = Date.parse(rebuild.eta);
  if (Number.isNaN(eta)) return percent;
  const clock = new Date(eta).toISOString().slice(11, 16);
  if (eta <= now) return `${percent} · ETA ${clock} UTC (finishing)`;
  return `${percent} · ETA ${clock} UTC (in ${formatDuration(eta - now)})`;
}
