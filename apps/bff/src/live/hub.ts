import type { DeltaBatch, Resync, TopologyDelta } from '@drivebay/api-types';
import { deltaOf } from '../state/keys.js';
import {
  type Change,
  CompactedError,
  FutureRevisionError,
  type StateStore,
  type Watch,
} from '../store/types.js';

/** A subscriber as the hub sees it: somewhere to send frames, and a way to drop it. */
export interface LiveClient {
  readonly id: string;
  send(batch: DeltaBatch): void;
  resync(resync: Resync): void;
  /** Bytes or packets queued and not yet written to the network. */
  bufferedFrames(): number;
  disconnect(): void;
}

export interface HubOptions {
  /** How long changes are gathered before one frame goes to every client. */
  batchMs: number;
  /** A batch or catch-up larger than this asks the client to refetch the snapshot instead. */
  maxDeltasPerBatch: number;
  /** A client with more frames than this still queued is dropped; it reconnects and catches up. */
  maxBufferedFrames: number;
}

export const defaultHubOptions: HubOptions = {
  batchMs: 50,
  maxDeltasPerBatch: 5_000,
  maxBufferedFrames: 200,
};

/**
 * Fans the store's change feed out to browsers. Changes are gathered for `batchMs` and sent
 * as one frame per batch to every subscriber, so an event storm costs a bounded number of
 * frames. Batches chain by revision; a client that subscribes with an older revision first
 * gets what it missed from the store's history, or is told to resync.
 */
export class LiveHub {
  private readonly clients = new Map<string, LiveClient>();
  private pending: TopologyDelta[] = [];
  private flushedRevision = 0;
  private latestRevision = 0;
  private watch: Watch | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: StateStore,
    private readonly options: HubOptions = defaultHubOptions,
  ) {}

  async start(): Promise<void> {
    this.flushedRevision = this.latestRevision = await this.store.revision();
    this.watch = this.store.watch(this.flushedRevision, {
      onChanges: (changes) => this.collect(changes),
      onError: (error) => this.restartAfter(error),
    });
  }

  stop(): void {
    this.watch?.cancel();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Brings a client from `sinceRevision` up to date, then includes it in every broadcast. */
  async subscribe(client: LiveClient, sinceRevision: number): Promise<number> {
    this.clients.delete(client.id);
    let cursor = sinceRevision;
    try {
      while (cursor < this.flushedRevision) {
        const target = this.flushedRevision;
        const deltas = await this.deltasBetween(cursor, target);
        if (deltas === 'too-many') return this.resync(client, 'overflow');
        client.send({ fromRevision: cursor, toRevision: target, deltas });
        cursor = target;
      }
      if (cursor > this.latestRevision && cursor > (await this.store.revision())) {
        return this.resync(client, 'future-revision');
      }
    } catch (error) {
      if (error instanceof CompactedError) return this.resync(client, 'compacted');
      if (error instanceof FutureRevisionError) return this.resync(client, 'future-revision');
      throw error;
    }
    this.clients.set(client.id, client);
    return cursor;
  }

  unsubscribe(clientId: string): void {
    this.clients.delete(clientId);
  }

  get subscriberCount(): number {
    return this.clients.size;
  }

  private collect(changes: Change[]): void {
    for (const change of changes) {
      const delta = deltaOf(change);
      if (delta) this.pending.push(delta);
      this.latestRevision = Math.max(this.latestRevision, change.revision);
    }
    this.timer ??= setTimeout(() => this.flush(), this.options.batchMs);
  }

  private flush(): void {
    this.timer = undefined;
    const batch: DeltaBatch = {
      fromRevision: this.flushedRevision,
      toRevision: this.latestRevision,
      deltas: coalesceKubeSignals(this.pending),
    };
    this.pending = [];
    this.flushedRevision = batch.toRevision;
    const tooBig = batch.deltas.length > this.options.maxDeltasPerBatch;
    for (const client of this.clients.values()) {
      if (client.bufferedFrames() > this.options.maxBufferedFrames) {
        this.clients.delete(client.id);
        client.disconnect();
      } else if (tooBig) {
        this.clients.delete(client.id);
        client.resync({ reason: 'overflow', revision: batch.toRevision });
      } else {
        client.send(batch);
      }
    }
  }

  private async deltasBetween(after: number, upTo: number): Promise<TopologyDelta[] | 'too-many'> {
    const deltas: TopologyDelta[] = [];
    let cursor = after;
    while (cursor < upTo) {
      const changes = await this.store.changesSince(cursor, 1_000);
      if (changes.length === 0) break;
      for (const change of changes) {
        if (change.revision > upTo) return deltas;
        const delta = deltaOf(change);
        if (delta) deltas.push(delta);
        cursor = change.revision;
      }
      if (deltas.length > this.options.maxDeltasPerBatch) return 'too-many';
    }
    return coalesceKubeSignals(deltas);
  }

  private resync(client: LiveClient, reason: Resync['reason']): number {
    this.clients.delete(client.id);
    client.resync({ reason, revision: this.latestRevision });
    return this.latestRevision;
  }

  /** If the feed breaks (e.g. the hub fell behind compaction), every client starts over. */
  private restartAfter(error: Error): void {
    this.stop();
    for (const client of this.clients.values())
      client.resync({ reason: 'compacted', revision: this.latestRevision });
    this.clients.clear();
    this.pending = [];
    void this.start().catch(() => undefined);
    void error;
  }
}

/**
 * A `kube.changed` delta only tells the console to refetch a view, so one per cluster and kind
 * in a batch says as much as a thousand: a podwatcher's relist of 150,000 pods costs each client
 * a handful of deltas, not 150,000. The last of each is kept, in its place.
 */
export function coalesceKubeSignals(deltas: TopologyDelta[]): TopologyDelta[] {
  const last = new Map<string, number>();
  deltas.forEach((delta, index) => {
    if (delta.type === 'kube.changed') last.set(`${delta.cluster}\n${delta.kind}`, index);
  });
  if (last.size === 0) return deltas;
  return deltas.filter(
    (delta, index) => delta.type !== 'kube.changed' || last.get(`${delta.cluster}\n${delta.kind}`) === index,
  );
}
