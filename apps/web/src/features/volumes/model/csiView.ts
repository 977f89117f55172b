import type { CsiFailure, DomainEvent, DomainEventType, Volume } from '@drivebay/api-types';

/** The CSI RPC behind each of the composer's volume events. */
const RPC_OF_EVENT: Partial<Record<DomainEventType, string>> = {
  VolumeCreated: 'CreateVolume',
  VolumePublished: 'ControllerPublishVolume',
  VolumeStaged: 'NodeStageVolume',
  VolumeNodePublished: 'NodePublishVolume',
  VolumeNodeUnpublished: 'NodeUnpublishVolume',
  VolumeUnstaged: 'NodeUnstageVolume',
  VolumeUnpublished: 'ControllerUnpublishVolume',
  VolumeExpanded: 'ControllerExpandVolume',
  VolumeReleased: 'DeleteVolume',
  VolumeDeleted: 'DeleteVolume',
};

/** One call that changed the volume, as its event recorded it. */
export interface CsiCallEntry {
  rpc: string;
  event: DomainEvent;
}

/** The volume's events that CSI calls caused, newest first (the order they arrive in). */
export function csiCalls(events: readonly DomainEvent[]): CsiCallEntry[] {
  const calls: CsiCallEntry[] = [];
  for (const event of events) {
    const rpc = RPC_OF_EVENT[event.type];
    if (rpc) calls.push({ rpc, event });
  }
  return calls;
}

export type StepState = 'done' | 'current' | 'pending';

/** One stage of the path to a pod, and where it happened. */
export interface CsiStep {
  rpc: 'CreateVolume' | 'ControllerPublishVolume' | 'NodeStageVolume' | 'NodePublishVolume';
  state: StepState;
  /** Where: the server, the staging path, the target paths; undefined while pending. */
  where?: string | undefined;
}

const ORDER = ['Created', 'ControllerPublished', 'NodeStaged', 'NodePublished'] as const;

/** Create → ControllerPublish → NodeStage → NodePublish, with the volume's place on it. */
export function csiPath(volume: Volume): CsiStep[] {
  const reached = volume.lifecycle === 'Released' ? 0 : ORDER.indexOf(volume.lifecycle);
  const state = (i: number): StepState => (i < reached ? 'done' : i === reached ? 'current' : 'pending');
  const targets = volume.targetPaths.length;
  return [
    { rpc: 'CreateVolume', state: state(0), where: `PV ${volume.name}` },
    {
      rpc: 'ControllerPublishVolume',
      state: state(1),
      where: volume.server ? `server ${volume.server} over ${volume.transport ?? '?'}` : undefined,
    },
    { rpc: 'NodeStageVolume', state: state(2), where: volume.stagingPath ?? undefined },
    {
      rpc: 'NodePublishVolume',
      state: state(3),
      where: targets > 0 ? volume.targetPaths.join(', ') : undefined,
    },
  ];
}

/** The last failed call, and whether it still stands (no call has changed the volume since). */
export function lastCsiError(volume: Volume): { error: CsiFailure; current: boolean } | null {
  const error = volume.csi?.lastError;
  if (!error) return null;
  const lastCall = volume.csi?.lastCall;
  return { error, current: !lastCall || lastCall.at < error.at };
}
