import {
  type DeltaBatch,
  DeltaBatchSchema,
  ResyncSchema,
  SubscribeAckSchema,
  type TopologyDelta,
} from '@drivebay/api-types';
import { applyDeltaBatch } from '../features/topology/model/applyDeltaBatch';
import { errorMessage } from '../shared/api/apiError';
import type { ConnectionStatus } from './connectionStatus';
import {
  browserSchedule,
  type EventDeltaPort,
  type KubeDeltaPort,
  type KubeViewDelta,
  type LiveSocketPort,
  type Schedule,
  type TopologyCachePort,
  type VolumeDeltaPort,
} from './ports';

/** Dependencies of the sync; tests pass fakes. */
export interface LiveSyncOptions {
  socket: LiveSocketPort;
  cache: TopologyCachePort;
  /** Receives the volume deltas the topology model has no use for. */
  volumes?: VolumeDeltaPort;
  /** Receives every domain event, for the timeline. */
  events?: EventDeltaPort;
  /** Receives the podwatcher's `kube.changed` deltas. */
  kube?: KubeDeltaPort;
  onStatus: (status: ConnectionStatus) => void;
  schedule?: Schedule;
  warn?: (message: string) => void;
}

type Phase = 'idle' | 'loading' | 'subscribing' | 'live';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/**
 * Keeps the cached topology model current from the live socket: on every connect it
 * subscribes from the model's revision, applies delta batches through the pure reducer, and
 * refetches the snapshot when the reducer sees a gap or the server asks for a resync.
 */
export class LiveTopologySync {
  readonly #socket: LiveSocketPort;
  readonly #cache: TopologyCachePort;
  readonly #volumes: VolumeDeltaPort | undefined;
  readonly #events: EventDeltaPort | undefined;
  readonly #kube: KubeDeltaPort | undefined;
  readonly #onStatus: (status: ConnectionStatus) => void;
  readonly #schedule: Schedule;
  readonly #warn: (message: string) => void;
  /** Bumped by every (re)subscription and disconnect; async work from an older one stops. */
  #session = 0;
  #phase: Phase = 'idle';
  #connected = false;
  #stopped = false;
  #needsSnapshot = false;
  #retryDelay = FIRST_RETRY_MS;
  #cancelRetry: (() => void) | undefined;

  constructor(options: LiveSyncOptions) {
    this.#socket = options.socket;
    this.#cache = options.cache;
    this.#volumes = options.volumes;
    this.#events = options.events;
    this.#kube = options.kube;
    this.#onStatus = options.onStatus;
    this.#schedule = options.schedule ?? browserSchedule;
    this.#warn = options.warn ?? ((message) => console.warn(`[live] ${message}`));
  }

  start(): void {
    this.#status('connecting', 'Connecting…');
    this.#socket.listen({
      connect: () => this.#handleConnect(),
      disconnect: (_reason, willReconnect) => this.#handleDisconnect(willReconnect),
      connectError: (message, willReconnect) => this.#handleConnectError(message, willReconnect),
      deltas: (payload) => this.#handleDeltas(payload),
      resync: (payload) => this.#handleResync(payload),
    });
  }

  stop(): void {
    this.#stopped = true;
    this.#session += 1;
    this.#cancelRetry?.();
    this.#socket.close();
  }

  #handleConnect(): void {
    if (this.#stopped) return;
    this.#connected = true;
    void this.#subscribe();
  }

  #handleDisconnect(willReconnect: boolean): void {
    this.#connected = false;
    this.#session += 1;
    this.#phase = 'idle';
    this.#cancelRetry?.();
    if (willReconnect) this.#status('connecting', 'Reconnecting…');
    else this.#status('offline', 'Offline');
  }

  #handleConnectError(message: string, willReconnect: boolean): void {
    if (this.#stopped) return;
    this.#warn(`connection failed: ${message}`);
    this.#status('offline', willReconnect ? 'Offline · retrying' : 'Offline');
  }

  #handleDeltas(payload: unknown): void {
    // While a fresh snapshot loads, frames are moot: the server resends from its revision.
    if (this.#stopped || this.#phase === 'idle' || this.#phase === 'loading') return;
    const parsed = DeltaBatchSchema.safeParse(payload);
    if (!parsed.success) {
      this.#warn(`malformed topology:deltas frame, resyncing: ${parsed.error.message}`);
      this.#resync();
      return;
    }
    const model = this.#cache.read();
    if (!model) {
      this.#resync();
      return;
    }
    const outcome = applyDeltaBatch(model, parsed.data);
    if (outcome.type === 'resync') {
      // Before the ack, frames of the previous subscription may still arrive out of chain;
      // the server replays everything after sinceRevision anyway.
      if (this.#phase === 'subscribing') return;
      this.#warn(`gap: at revision ${outcome.expected}, batch starts at ${outcome.received}; resyncing`);
      this.#resync();
      return;
    }
    if (outcome.model !== model) this.#cache.write(outcome.model);
    this.#routeVolumeDeltas(parsed.data, model.revision);
    this.#routeEvents(parsed.data, model.revision);
    this.#routeKube(parsed.data, model.revision);
    if (this.#phase === 'live') this.#status('live', 'Live');
  }

  /** The same deltas the topology took (newer than its revision) that concern volumes. */
  #routeVolumeDeltas(batch: DeltaBatch, applied: number): void {
    if (!this.#volumes) return;
    const fresh = batch.deltas.filter((delta) => delta.revision > applied && isVolumeDelta(delta));
    if (fresh.length > 0) this.#volumes.apply(fresh);
  }

  /** The events of the same deltas, for the timeline. */
  #routeEvents(batch: DeltaBatch, applied: number): void {
    if (!this.#events) return;
    const events = batch.deltas.flatMap((delta) =>
      delta.revision > applied && delta.type === 'event' ? [delta.event] : [],
    );
    if (events.length > 0) this.#events.apply(events);
  }

  /** The podwatcher's changes of the same deltas, and volume changes, for the Kubernetes views. */
  #routeKube(batch: DeltaBatch, applied: number): void {
    if (!this.#kube) return;
    const changes = batch.deltas.filter(
      (delta): delta is KubeViewDelta => delta.revision > applied && isKubeViewDelta(delta),
    );
    if (changes.length > 0) this.#kube.apply(changes);
  }

  #handleResync(payload: unknown): void {
    if (this.#stopped) return;
    const parsed = ResyncSchema.safeParse(payload);
    this.#warn(`server asked for a resync (${parsed.success ? parsed.data.reason : 'unreadable reason'})`);
    this.#resync();
  }

  #resync(): void {
    this.#needsSnapshot = true;
    if (this.#connected) void this.#subscribe();
  }

  async #subscribe(): Promise<void> {
    const session = ++this.#session;
    this.#cancelRetry?.();
    this.#phase = 'loading';
    const fresh = this.#needsSnapshot;
    let model = fresh ? undefined : this.#cache.read();
    if (!model) {
      this.#status('connecting', fresh ? 'Resyncing…' : 'Loading topology…');
      try {
        model = await this.#cache.refetch();
        this.#needsSnapshot = false;
        // Deltas before the snapshot's revision will never arrive: volume data must reload too.
        this.#volumes?.resync();
        this.#events?.resync();
        this.#kube?.resync();
      } catch (error) {
        if (session !== this.#session) return;
        this.#status('offline', 'Offline · topology unavailable, retrying');
        this.#warn(`snapshot failed: ${errorMessage(error)}`);
        return this.#retryLater(session);
      }
    }
    if (session !== this.#session || !this.#connected) return;
    this.#volumes?.ready();
    this.#phase = 'subscribing';
    let answer: unknown;
    try {
      answer = await this.#socket.subscribe({ sinceRevision: model.revision });
    } catch (error) {
      if (session !== this.#session) return;
      this.#warn(`subscribe failed: ${errorMessage(error)}`);
      return this.#retryLater(session);
    }
    if (session !== this.#session) return;
    const ack = SubscribeAckSchema.safeParse(answer);
    if (!ack.success || !ack.data.ok) {
      // The server cannot resume from our revision (compacted, or garbled): start afresh.
      this.#warn(
        `subscribe refused: ${ack.success && !ack.data.ok ? ack.data.error.message : 'malformed ack'}`,
      );
      this.#needsSnapshot = true;
      return this.#retryLater(session);
    }
    this.#phase = 'live';
    this.#retryDelay = FIRST_RETRY_MS;
    this.#status('live', 'Live');
  }

  #retryLater(session: number): void {
    const delay = this.#retryDelay;
    this.#retryDelay = Math.min(this.#retryDelay * 2, MAX_RETRY_MS);
    this.#cancelRetry = this.#schedule(() => {
      if (session === this.#session && this.#connected && !this.#stopped) void this.#subscribe();
    }, delay);
  }

  #status(state: ConnectionStatus['state'], label: string): void {
    if (this.#stopped) return;
    this.#onStatus({ state, label, revision: this.#cache.read()?.revision });
  }
}

function isVolumeDelta(delta: TopologyDelta): boolean {
  if (delta.type === 'volume.put' || delta.type === 'volume.delete') return true;
  return delta.type === 'event' && delta.event.subject.kind === 'volume';
}

function isKubeViewDelta(delta: TopologyDelta): boolean {
  return delta.type === 'kube.changed' || delta.type === 'volume.put' || delta.type === 'volume.delete';
}
