import type {
  ChainDrive,
  ClusterState,
  DriveHealth,
  Pod,
  ServerState,
  VolumeHealth,
} from '@drivebay/api-types';
import { healthTone, type StatusTone } from '../../../shared/model/volumeLabels';

/** A state as the operator reads it: a word (never colour alone) and the shape of its icon. */
export interface KubeStatus {
  readonly tone: StatusTone;
  readonly text: string;
}

const CLUSTER_STATES: Record<ClusterState, KubeStatus> = {
  watching: { tone: 'ok', text: 'watching' },
  connecting: { tone: 'rebuilding', text: 'connecting' },
  retrying: { tone: 'degraded', text: 'retrying' },
  standby: { tone: 'ok', text: 'standby' },
};

/** What the podwatcher is doing with a cluster. */
export function clusterStatus(state: ClusterState): KubeStatus {
  return CLUSTER_STATES[state];
}

/** Running and ready is fine; Failed and Unknown are failures; anything else needs a look. */
export function podStatus(pod: Pick<Pod, 'phase' | 'ready'>): KubeStatus {
  if (pod.phase === 'Failed' || pod.phase === 'Unknown') return { tone: 'failed', text: pod.phase };
  if (pod.phase === 'Succeeded') return { tone: 'ok', text: 'Succeeded' };
  if (pod.phase === 'Running' && pod.ready) return { tone: 'ok', text: 'Running, ready' };
  if (pod.phase === 'Running') return { tone: 'degraded', text: 'Running, not ready' };
  return { tone: 'degraded', text: pod.phase };
}

/** A node's Ready condition; a missing node (pod not scheduled, or node gone) is not fine either. */
export function nodeStatus(ready: boolean | null): KubeStatus {
  if (ready === null) return { tone: 'degraded', text: 'not known' };
  return ready ? { tone: 'ok', text: 'ready' } : { tone: 'failed', text: 'not ready' };
}

const SERVER_STATES: Record<ServerState, KubeStatus> = {
  up: { tone: 'ok', text: 'up' },
  maintenance: { tone: 'degraded', text: 'maintenance' },
  down: { tone: 'failed', text: 'down' },
};

/** The composer server under a node; null when no server matches the node. */
export function serverStatus(state: ServerState | null): KubeStatus {
  return state ? SERVER_STATES[state] : { tone: 'degraded', text: 'no server matched' };
}

/** Bound is fine, Pending is waiting, Lost means the PV is gone. */
export function claimStatus(phase: string): KubeStatus {
  if (phase === 'Bound') return { tone: 'ok', text: 'Bound' };
  if (phase === 'Lost') return { tone: 'failed', text: 'Lost' };
  return { tone: 'degraded', text: phase };
}

/** A composer volume's health; null when the claim has no Drivebay volume. */
export function volumeStatus(health: VolumeHealth | null): KubeStatus | null {
  return health ? { tone: healthTone(health), text: health } : null;
}

const DRIVE_TONES: Record<DriveHealth, StatusTone> = {
  ok: 'ok',
  degraded: 'degraded',
  failed: 'failed',
  offline: 'failed',
};

/** A drive's own health; null once it left the inventory. */
export function driveStatus(health: DriveHealth | null): KubeStatus {
  return health ? { tone: DRIVE_TONES[health], text: health } : { tone: 'failed', text: 'not in inventory' };
}

const MEMBER_TONES: Record<ChainDrive['memberState'], StatusTone> = {
  active: 'ok',
  rebuilding: 'rebuilding',
  failed: 'failed',
};

/** The volume member's state on that drive. */
export function memberStatus(state: ChainDrive['memberState']): KubeStatus {
  return { tone: MEMBER_TONES[state], text: state };
}

/** The pod's Ready condition on its own, for the list's Ready column. */
export function podReadyStatus(pod: Pick<Pod, 'phase' | 'ready'>): KubeStatus {
  if (pod.ready) return { tone: 'ok', text: 'ready' };
  if (pod.phase === 'Succeeded') return { tone: 'ok', text: 'completed' };
  return { tone: pod.phase === 'Failed' ? 'failed' : 'degraded', text: 'not ready' };
}

/** "3/3 ready", shaped by whether some pods are not ready. */
export function readyPodsStatus(readyPods: number, pods: number): KubeStatus {
  const text = `${readyPods}/${pods}`;
  if (pods === 0) return { tone: 'degraded', text: '0 pods' };
  if (readyPods === 0) return { tone: 'failed', text };
  return { tone: readyPods < pods ? 'degraded' : 'ok', text };
}
