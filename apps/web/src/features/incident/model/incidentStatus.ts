import type { HealthCounts } from '../../topology';
import type { VolumeHealthCounts } from '../../volumes';

/** One count in the incident banner, worst first. */
export interface IncidentPart {
  readonly key: string;
  readonly count: number;
  /** "2 enclosures offline". */
  readonly label: string;
  readonly tone: 'critical' | 'warning' | 'info';
}

/** Whether the site is in an incident, and what counts to show. */
export interface IncidentStatus {
  readonly active: boolean;
  readonly parts: readonly IncidentPart[];
}

/**
 * Anything failed, degraded or offline is an incident. Volume counts may still be loading
 * (undefined): hardware alone then decides, and the volume parts join when they arrive.
 * `affectedPods` (pods whose volumes are not healthy) is counted during an incident, last: it
 * says who is hurt, but never makes one by itself.
 */
export function incidentStatus(
  drives: HealthCounts,
  offlineEnclosures: number,
  volumes: VolumeHealthCounts | undefined,
  affectedPods = 0,
): IncidentStatus {
  const v = volumes?.byHealth;
  const candidates: IncidentPart[] = [
    part('enclosures-offline', offlineEnclosures, 'enclosure', 'offline', 'critical'),
    part('volumes-failed', v?.failed ?? 0, 'volume', 'failed', 'critical'),
    part('drives-failed', drives.failed, 'drive', 'failed', 'critical'),
    part('drives-offline', drives.offline, 'drive', 'offline', 'warning'),
    part('volumes-degraded', v?.degraded ?? 0, 'volume', 'degraded', 'warning'),
    part('drives-degraded', drives.degraded, 'drive', 'degraded', 'warning'),
    part('volumes-rebuilding', v?.rebuilding ?? 0, 'volume', 'rebuilding', 'info'),
  ];
  const parts = candidates.filter((p) => p.count > 0);
  // Rebuilds alone are recovery in progress, not an incident, but stay listed while one lasts.
  const active = parts.some((p) => p.tone !== 'info');
  if (!active) return { active, parts: [] };
  const pods = part('pods-affected', affectedPods, 'pod', 'affected', 'warning');
  return { active, parts: pods.count > 0 ? [...parts, pods] : parts };
}

function part(
  key: string,
  count: number,
  what: string,
  state: string,
  tone: IncidentPart['tone'],
): IncidentPart {
  return { key, count, label: `${count} ${count === 1 ? what : `${what}s`} ${state}`, tone };
}
