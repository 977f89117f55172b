import type { DomainEvent, SubscribeRequest, TopologyDelta } from '@drivebay/api-types';
import type { TopologyModel } from '../features/topology/model/topologyModel';

/** What the live socket reports; payloads arrive unparsed. */
export interface LiveSocketHandlers {
  connect(): void;
  /** `willReconnect` is false when the client or server closed the socket for good. */
  disconnect(reason: string, willReconnect: boolean): void;
  connectError(message: string, willReconnect: boolean): void;
  deltas(payload: unknown): void;
  resync(payload: unknown): void;
}

/** The live socket as the sync needs it (socket.io in the app, a fake in tests). */
export interface LiveSocketPort {
  listen(handlers: LiveSocketHandlers): void;
  /** Emits topology:subscribe; resolves with the raw ack, rejects on timeout. */
  subscribe(request: SubscribeRequest): Promise<unknown>;
  close(): void;
}

/** Where the topology model lives (the react-query cache in the app). */
export interface TopologyCachePort {
  read(): TopologyModel | undefined;
  write(model: TopologyModel): void;
  /** Fetches a fresh snapshot into the cache and returns its model. */
  refetch(): Promise<TopologyModel>;
}

/** Where live volume changes go (the volume queries in the react-query cache in the app). */
export interface VolumeDeltaPort {
  /** Volume puts and deletes and volume events newer than the topology, in revision order. */
  apply(deltas: readonly TopologyDelta[]): void;
  /** The topology was reloaded from a snapshot, so volume deltas may have been missed. */
  resync(): void;
  /** The sync follows the store from a known revision: volume data read from now on misses nothing. */
  ready(): void;
}

/** Where live domain events go (the events timeline in the react-query cache in the app). */
export interface EventDeltaPort {
  /** Events newer than the topology, in revision order. */
  apply(events: readonly DomainEvent[]): void;
  /** Events may have been missed: timelines must reload. */
  resync(): void;
}

/**
 * Deltas that change what the Kubernetes views show: the podwatcher's `kube.changed`, and volume
 * puts and deletes (pods and PVCs are shown with their volumes' health and drives).
 */
export type KubeViewDelta = Extract<TopologyDelta, { type: 'kube.changed' | 'volume.put' | 'volume.delete' }>;

/** Where podwatcher changes go (the Kubernetes views in the react-query cache in the app). */
export interface KubeDeltaPort {
  /** The deltas of a batch newer than the topology that concern the Kubernetes views. */
  apply(deltas: readonly KubeViewDelta[]): void;
  /** Changes may have been missed: the views must reload. */
  resync(): void;
}

/** Runs `task` after `ms`; returns a cancel function. */
export type Schedule = (task: () => void, ms: number) => () => void;

export const browserSchedule: Schedule = (task, ms) => {
  const handle = setTimeout(task, ms);
  return () => clearTimeout(handle);
};
