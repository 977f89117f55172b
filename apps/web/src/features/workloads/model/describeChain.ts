import type {
  ChainDrive,
  Claim,
  ClaimChain,
  PodDetail,
  PodView,
  Volume,
  WorkloadRef,
} from '@drivebay/api-types';
import type { DetailRow } from '../../../shared/components/DetailList';
import { formatBytes } from '../../../shared/format/bytes';
import { formatTimestamp } from '../../../shared/format/time';
import { layoutLabel, typeLabel } from '../../../shared/model/volumeLabels';

/** "StatefulSet/cassandra", or what a pod nothing owns is. */
export function workloadLabel(workload: WorkloadRef | null): string {
  return workload ? `${workload.kind}/${workload.name}` : 'none (a bare pod)';
}

/** The pod's own facts, in the order an operator reads them. */
export function describePod(pod: PodView): DetailRow[] {
  return [
    { label: 'Workload', value: workloadLabel(pod.workload) },
    { label: 'Restarts', value: String(pod.restarts) },
    { label: 'Started', value: pod.startedAt ? formatTimestamp(pod.startedAt, true) : 'not started' },
  ];
}

/** The node step: which node, and how its server was found. */
export function describeNode(detail: PodDetail): DetailRow[] {
  if (!detail.node) return [{ label: 'Node', value: detail.pod.node ?? 'not scheduled yet' }];
  const matched =
    detail.node.matchedBy === 'label'
      ? 'by its drivebay.io/server label'
      : detail.node.matchedBy === 'name'
        ? 'by its name'
        : 'no server matches it';
  return [{ label: 'Server matched', value: matched }];
}

/** The server a pod runs on: its id, which is what the site, the map and every event name it by. */
export function serverTitle(detail: PodDetail): string | null {
  return detail.pod.server ?? detail.node?.server ?? null;
}

/** The server step: its hostname (the node's name is often the same, so it is no title). */
export function describeServer(detail: PodDetail): DetailRow[] {
  const id = serverTitle(detail);
  if (!id) return [{ label: 'Server', value: 'none: label the node drivebay.io/server=<server id>' }];
  return [{ label: 'Hostname', value: detail.serverHostname ?? 'not known to the site' }];
}

/** "20.0 GB requested", or that the claim asks for no size. */
export function requestLabel(bytes: number | null): string {
  return bytes === null ? 'not stated' : formatBytes(bytes);
}

/** The PVC step. */
export function describeClaim(claim: Claim): DetailRow[] {
  return [
    { label: 'Storage class', value: claim.storageClass ?? 'none (cluster default)' },
    { label: 'Requested', value: requestLabel(claim.requestBytes) },
  ];
}

/** The PV step: what Kubernetes holds about the volume. */
export function describePv(claim: Claim): DetailRow[] {
  return [
    { label: 'Driver', value: claim.driver ?? 'not a CSI volume' },
    { label: 'Volume handle', value: claim.volumeHandle ?? 'none' },
  ];
}

/** The composer volume step. */
export function describeChainVolume(volume: Volume): DetailRow[] {
  return [
    { label: 'Layout', value: `${layoutLabel(volume.layout)} · ${typeLabel(volume)}` },
    { label: 'Lifecycle', value: volume.lifecycle },
    { label: 'Capacity', value: formatBytes(volume.capacityBytes) },
    { label: 'Published to', value: volume.server ?? 'no server' },
  ];
}

/** Why a claim has no composer volume, in words that say where to look. */
export function missingVolumeReason(chain: Pick<ClaimChain, 'claim'>): string {
  const { claim } = chain;
  if (!claim.pv) return 'The claim is not bound to a PersistentVolume yet, so there is no volume under it.';
  if (!claim.driver || !claim.volumeHandle)
    return `PersistentVolume ${claim.pv} is not a CSI volume: not Drivebay storage.`;
  if (!claim.volumeId)
    return `Volume handle ${claim.volumeHandle} (driver ${claim.driver}) names no composer volume: it is not Drivebay storage, or the volume was deleted.`;
  return `Composer volume ${claim.volumeId} is not in the inventory any more.`;
}

/** Drives in layout order: set by set, copy by copy. */
export function sortChainDrives(drives: readonly ChainDrive[]): ChainDrive[] {
  return [...drives].sort((a, b) => a.set - b.set || a.copy - b.copy || a.driveId.localeCompare(b.driveId));
}

/** "GiB 120–214 (94 GiB)", or "whole drive". */
export function sliceLabel(slice: ChainDrive['slice']): string {
  if (!slice) return 'whole drive';
  return `${slice.sizeGiB} GiB at GiB ${slice.offsetGiB}`;
}

/** "bay 7", or where an unknown bay is. */
export function bayLabel(bay: number | null): string {
  return bay === null ? 'unknown' : String(bay);
}
