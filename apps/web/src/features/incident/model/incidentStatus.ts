import type { IncidentSummary } from '@drivebay/api-types';

/** One count in the incident banner, worst first. */
export interface IncidentPart {
  readonly key: string;
  readonly count: number;
  /** "2 enclosures offline". */
  readonly label: string;
  readonly tone: 'critical' | 'warning' | 'info';
}

/** Whether the site is in an incident, what counts to show, and the revision they were derived at. */
export interface IncidentStatus {
  readonly active: boolean;
  readonly parts: readonly IncidentPart[];
  readonly revision: number;
}

/**
 * The banner's words for the server's summary. The server decides what an incident is (anything
 * failed, degraded or offline; rebuilds alone are recovery); affected pods are counted during an
 * incident, last: they say who is hurt, but never make one by themselves.
 */
export function incidentStatus(summary: IncidentSummary): IncidentStatus {
  const { drives, volumes } = summary;
  const candidates: IncidentPart[] = [
    part('enclosures-offline', summary.enclosuresOffline, 'enclosure', 'offline', 'critical'),
    part('volumes-failed', volumes.failed, 'volume', 'failed', 'critical'),
    part('drives-failed', drives.failed, 'drive', 'failed', 'critical'),
    part('drives-offline', drives.offline, 'drive', 'offline', 'warning'),
    part('volumes-degraded', volumes.degraded, 'volume', 'degraded', 'warning'),
    part('drives-degraded', drives.degraded, 'drive', 'degraded', 'warning'),
    part('volumes-rebuilding', volumes.rebuilding, 'volume', 'rebuilding', 'info'),
  ];
  const parts = candidates.filter((p) => p.count > 0);
  if (!summary.active) return { active: false, parts: [], revision: summary.revision };
  const pods = part('pods-affected', summary.podsAffected, 'pod', 'affected', 'warning');
  return { active: true, parts: pods.count > 0 ? [...parts, pods] : parts, revision: summary.revision };
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
