import type { Drive, DriveHealth, Volume } from '@drivebay/api-types';
import { enclosureSlots, type TopologyModel } from '../../topology';
import {
  type AffectedClaim,
  type AffectedKubeInput,
  type AffectedPod,
  affectedClaims,
  affectedPods,
  claimsByVolume,
} from './affectedKube';

/** A drive that is not ok, with where to find it. */
export interface AffectedDrive {
  readonly id: string;
  readonly serial: string;
  readonly health: Exclude<DriveHealth, 'ok'>;
  readonly enclosureId: string;
  readonly bay: number;
}

/** A volume that lost a copy or all copies, or is rebuilding one. */
export interface AffectedVolume {
  readonly id: string;
  readonly name: string;
  readonly cluster: string;
  readonly layout: Volume['layout'];
  /** Drives of the volume's members that are failed or rebuilding. */
  readonly drives: readonly string[];
  /** "namespace/name" of the PVCs bound to it (empty without Kubernetes data). */
  readonly claims: readonly string[];
  /** While rebuilding: the slowest copy's progress (0..1) and the latest ETA. */
  readonly rebuild?: { readonly progress: number; readonly eta: string };
}

/** What an incident touches; also the JSON written for the postmortem. */
export interface IncidentReport {
  readonly generatedAt: string;
  readonly revision: number;
  readonly site: string | null;
  readonly enclosuresOffline: readonly {
    readonly id: string;
    readonly name: string;
    readonly rack: string;
    /** A drive in it, to open the map there; null for an empty enclosure. */
    readonly firstDriveId: string | null;
  }[];
  readonly drives: readonly AffectedDrive[];
  /** Volumes with no complete copy left: their data is unavailable. */
  readonly lostAvailability: readonly AffectedVolume[];
  /** Volumes still served, but one more failure away from losing data. */
  readonly lostRedundancy: readonly AffectedVolume[];
  readonly rebuilding: readonly AffectedVolume[];
  /** Pods whose volumes are failed, degraded or rebuilding, worst first; null when Kubernetes data did not load. */
  readonly pods: readonly AffectedPod[] | null;
  /** PVCs whose volume is failed, degraded or rebuilding, worst first; null when Kubernetes data did not load. */
  readonly claims: readonly AffectedClaim[] | null;
}

const HEALTH_RANK: Record<Exclude<DriveHealth, 'ok'>, number> = { failed: 0, offline: 1, degraded: 2 };

/**
 * Gathers the affected hardware from the model, classifies the given unhealthy volumes, and lists
 * the affected pods and PVCs (`kube`: the podwatcher's `affected=true` lists, null if not loaded).
 */
export function incidentReport(
  model: TopologyModel,
  volumes: readonly Volume[],
  now: Date,
  kube: AffectedKubeInput | null = null,
): IncidentReport {
  const enclosuresOffline = [...model.enclosures.values()]
    .filter((e) => e.state === 'offline')
    .map((e) => {
      const slot = enclosureSlots(model, e.id)[0];
      const firstDriveId = slot === undefined ? null : (model.drives[slot]?.id ?? null);
      return { id: e.id, name: e.name, rack: e.rack, firstDriveId };
    });
  const drives: AffectedDrive[] = [];
  for (const drive of model.drives) if (drive && drive.health !== 'ok') drives.push(affectedDrive(drive));
  drives.sort((a, b) => HEALTH_RANK[a.health] - HEALTH_RANK[b.health] || a.id.localeCompare(b.id));
  const claims = kube ? affectedClaims(kube.claims, kube.pods) : null;
  const claimNames = claimsByVolume(claims ?? []);
  const byHealth = (health: Volume['health']) =>
    volumes.filter((v) => v.health === health).map((v) => affectedVolume(v, claimNames.get(v.id) ?? []));
  return {
    generatedAt: now.toISOString(),
    revision: model.revision,
    site: model.site?.name ?? null,
    enclosuresOffline,
    drives,
    lostAvailability: byHealth('failed'),
    lostRedundancy: byHealth('degraded'),
    rebuilding: byHealth('rebuilding'),
    pods: kube ? affectedPods(kube.pods, model.servers) : null,
    claims,
  };
}

function affectedDrive(drive: Drive): AffectedDrive {
  return {
    id: drive.id,
    serial: drive.serial,
    health: drive.health as AffectedDrive['health'],
    enclosureId: drive.enclosure,
    bay: drive.bay,
  };
}

function affectedVolume(volume: Volume, claims: readonly string[]): AffectedVolume {
  const hurt = volume.members.filter((m) => m.state !== 'active');
  const rebuilds = hurt.flatMap((m) => (m.state === 'rebuilding' && m.rebuild ? [m.rebuild] : []));
  const base = {
    id: volume.id,
    name: volume.name,
    cluster: volume.cluster,
    layout: volume.layout,
    drives: hurt.map((m) => m.driveId),
    claims,
  };
  if (rebuilds.length === 0) return base;
  const progress = Math.min(...rebuilds.map((r) => r.progress));
  const eta =
    rebuilds
      .map((r) => r.eta)
      .sort()
      .at(-1) ?? '';
  return { ...base, rebuild: { progress, eta } };
}
