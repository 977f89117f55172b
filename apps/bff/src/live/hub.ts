import type { LiveRoom, RoomBatch, RoomResync, TopologyDelta } from '@drivebay/api-types';
import { collectionOfKey, idOfKey } from '../state/collections.js';
import type { AppliedChange, StoreMirror } from '../state/mirror.js';
import { CompactedError, FutureRevisionError, type StateStore } from '../store/types.js';

/** What a subscription follows: one room. */
export type Feed = LiveRoom;
export type FeedBatch = RoomBatch;
export type FeedResync = RoomResync;

/** A subscriber as the hub sees it: somewhere to send frames, and a way to drop it. */
export interface LiveClient {
  readonly id: string;
  send(batch: FeedBatch): void;
  resync(resync: FeedResync): void;
  /** Bytes or packets queued and not yet written to the network. */
  bufferedFrames(): number;
  disconnect(): void;
}

/** Sends one batch to several clients; the socket adapter encodes it once for all of them. */
export type Fanout = (clients: readonly LiveClient[], batch: FeedBatch) => void;

/**
 * A room whose content is derived from the state rather than stored (the incident summary): its
 * one delta says everything, so a join gets the current one and a batch goes out only when it
 * changed.
 */
export interface DerivedRoom {
  room: LiveRoom;
  derive(revision: number): TopologyDelta;
  same(a: TopologyDelta, b: TopologyDelta): boolean;
}

export interface HubOptions {
  /** How long changes are gathered before one frame goes to every client of a room. */
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

interface Subscription {
  client: LiveClient;
  feed: Feed;
  /** The revision this client has of the feed: the next batch starts here. */
  cursor: number;
}

/** A delta on its way out, with the room it belongs to. */
interface Outgoing {
  room: LiveRoom;
  delta: TopologyDelta;
}

/**
 * Fans the mirror's changes out to browsers by room. A client joins the rooms its page shows,
 * each from the revision of the snapshot it loaded; changes are gathered for `batchMs`, and a
 * room's batch goes only to that room's clients, so a storm of drive changes reaches nobody who
 * shows no drives. Each client's batches in a room chain by revision from where it joined; a
 * client behind is first sent what it missed from the store's history, or told to resync.
 */
export class LiveHub {
  private readonly subscriptions = new Map<string, Map<Feed, Subscription>>();
  private readonly byFeed = new Map<Feed, Set<Subscription>>();
  private pending: Outgoing[] = [];
  private flushedRevision = 0;
  private latestRevision = 0;
  private stopListening: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** While the mirror's feed is broken, joins wait for nothing and are told to retry. */
  private feedBroken = false;
  private readonly derived = new Map<Feed, DerivedRoom>();
  /** The last delta each derived room sent. */
  private readonly lastDerived = new Map<Feed, TopologyDelta>();

  constructor(
    private readonly store: Pick<StateStore, 'changesSince' | 'revision'>,
    private readonly mirror: StoreMirror,
    private readonly options: HubOptions = defaultHubOptions,
    private readonly fanout: Fanout = (clients, batch) => {
      for (const client of clients) client.send(batch);
    },
  ) {}

  /** A room whose one delta is derived from the state (the incident summary). */
  addDerivedRoom(room: DerivedRoom): void {
    this.derived.set(room.room, room);
  }

  start(): void {
    this.flushedRevision = this.latestRevision = this.mirror.revision;
    this.stopListening = this.mirror.listen({
      applied: (changes, revision) => this.collect(changes, revision),
      failed: () => {
        this.feedBroken = true;
      },
      resynced: (revision) => this.restartFrom(revision),
    });
  }

  stop(): void {
    this.stopListening?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Brings a client's feed from `sinceRevision` up to date, then includes it in every batch of
   * the feed. Resolves with the revision its next batch starts from (or the resync's revision).
   */
  async join(client: LiveClient, feed: Feed, sinceRevision?: number): Promise<number> {
    this.leave(client.id, feed);
    if (this.feedBroken) throw new HubUnavailableError();
    const derived = this.derived.get(feed);
    if (derived) return this.joinDerived(client, derived, sinceRevision);
    // Without a revision the client follows from now: from the last batch sent.
    let cursor = sinceRevision ?? this.flushedRevision;
    try {
      while (cursor < this.flushedRevision) {
        const target = this.flushedRevision;
        const deltas = await this.deltasBetween(feed, cursor, target);
        if (deltas === 'too-many') return this.resync(client, feed, 'overflow');
        // Sent even when empty: a client holding a snapshot learns its data is current up to `target`.
        client.send({ room: feed, fromRevision: cursor, toRevision: target, deltas });
        cursor = target;
      }
      if (cursor > this.latestRevision && cursor > (await this.store.revision())) {
        return this.resync(client, feed, 'future-revision');
      }
    } catch (error) {
      if (error instanceof CompactedError) return this.resync(client, feed, 'compacted');
      if (error instanceof FutureRevisionError) return this.resync(client, feed, 'future-revision');
      throw error;
    }
    // No await from the last catch-up to here: no batch can be flushed between them.
    this.add({ client, feed, cursor });
    return cursor;
  }

  /**
   * A derived room has no history to replay: the current delta brings any client up to date
   * (one without a revision gets it too: it has nothing yet).
   */
  private joinDerived(client: LiveClient, derived: DerivedRoom, sinceRevision: number | undefined): number {
    const since = sinceRevision ?? 0;
    const cursor = Math.max(since, this.flushedRevision);
    if (since < this.flushedRevision || sinceRevision === undefined) {
      const current = derived.derive(this.flushedRevision);
      this.lastDerived.set(derived.room, current);
      client.send({ room: derived.room, fromRevision: since, toRevision: cursor, deltas: [current] });
    }
    this.add({ client, feed: derived.room, cursor });
    return cursor;
  }

  leave(clientId: string, feed: Feed): void {
    const subscription = this.subscriptions.get(clientId)?.get(feed);
    if (!subscription) return;
    this.subscriptions.get(clientId)?.delete(feed);
    this.byFeed.get(feed)?.delete(subscription);
  }

  /** Drops every subscription of a client (it disconnected). */
  forget(clientId: string): void {
    for (const feed of [...(this.subscriptions.get(clientId)?.keys() ?? [])]) this.leave(clientId, feed);
    this.subscriptions.delete(clientId);
  }

  /** Clients with at least one subscription. */
  get subscriberCount(): number {
    let count = 0;
    for (const feeds of this.subscriptions.values()) if (feeds.size > 0) count++;
    return count;
  }

  private add(subscription: Subscription): void {
    const { client, feed } = subscription;
    const feeds = this.subscriptions.get(client.id) ?? new Map<Feed, Subscription>();
    this.subscriptions.set(client.id, feeds);
    feeds.set(feed, subscription);
    const members = this.byFeed.get(feed) ?? new Set<Subscription>();
    this.byFeed.set(feed, members);
    members.add(subscription);
  }

  private collect(changes: readonly AppliedChange[], revision: number): void {
    for (const { collection, typed } of changes) {
      const rooms = collection.rooms?.(typed.change.id);
      const delta = rooms ? collection.delta?.(typed.change) : undefined;
      if (!rooms || !delta) continue;
      for (const room of rooms) this.pending.push({ room, delta });
    }
    this.latestRevision = Math.max(this.latestRevision, revision);
    this.timer ??= setTimeout(() => this.flush(), this.options.batchMs);
  }

  private flush(): void {
    this.timer = undefined;
    const toRevision = this.latestRevision;
    const byRoom = new Map<Feed, TopologyDelta[]>();
    for (const { room, delta } of this.pending) {
      const list = byRoom.get(room) ?? [];
      byRoom.set(room, list);
      list.push(delta);
    }
    this.pending = [];
    this.flushedRevision = toRevision;
    for (const [room, derived] of this.derived) {
      if ((this.byFeed.get(room)?.size ?? 0) === 0) continue;
      const current = derived.derive(toRevision);
      const last = this.lastDerived.get(room);
      if (last && derived.same(last, current)) continue;
      this.lastDerived.set(room, current);
      byRoom.set(room, [current]);
    }
    for (const [feed, deltas] of byRoom) this.send(feed, coalesceKubeSignals(deltas), toRevision);
  }

  /** One room's batch to each of its clients, from where each one is; clients at the same cursor share one frame. */
  private send(feed: Feed, deltas: TopologyDelta[], toRevision: number): void {
    const members = this.byFeed.get(feed);
    if (!members || members.size === 0) return;
    const byCursor = new Map<number, Subscription[]>();
    for (const subscription of [...members]) {
      const { client } = subscription;
      if (client.bufferedFrames() > this.options.maxBufferedFrames) {
        this.forget(client.id);
        client.disconnect();
        continue;
      }
      const group = byCursor.get(subscription.cursor) ?? [];
      byCursor.set(subscription.cursor, group);
      group.push(subscription);
    }
    for (const [cursor, group] of byCursor) {
      // A client that joined from a snapshot newer than the last batch has those deltas already.
      const fresh = deltas.filter((d) => d.revision > cursor);
      if (fresh.length > this.options.maxDeltasPerBatch) {
        for (const { client } of group) this.resync(client, feed, 'overflow', toRevision);
        continue;
      }
      for (const subscription of group) subscription.cursor = toRevision;
      if (fresh.length === 0) continue;
      this.fanout(
        group.map((s) => s.client),
        { room: feed, fromRevision: cursor, toRevision, deltas: fresh },
      );
    }
  }

  private async deltasBetween(
    feed: Feed,
    after: number,
    upTo: number,
  ): Promise<TopologyDelta[] | 'too-many'> {
    const deltas: TopologyDelta[] = [];
    let cursor = after;
    while (cursor < upTo) {
      const changes = await this.store.changesSince(cursor, 1_000);
      if (changes.length === 0) break;
      for (const change of changes) {
        if (change.revision > upTo) return coalesceKubeSignals(deltas);
        cursor = change.revision;
        const collection = collectionOfKey(change.key);
        if (!collection?.rooms) continue;
        const id = idOfKey(collection, change.key);
        if (!collection.rooms(id).includes(feed)) continue;
        const { key, revision } = change;
        let delta: TopologyDelta | undefined;
        if (change.type === 'delete') delta = collection.delta?.({ type: 'delete', key, id, revision });
        else {
          // History is a boundary like any read: a record that does not fit its schema is left out.
          const parsed = collection.schema.safeParse(change.value);
          if (parsed.success)
            delta = collection.delta?.({ type: 'put', key, id, revision, value: parsed.data });
        }
        if (delta) deltas.push(delta);
      }
      if (deltas.length > this.options.maxDeltasPerBatch) return 'too-many';
    }
    return coalesceKubeSignals(deltas);
  }

  private resync(
    client: LiveClient,
    feed: Feed,
    reason: RoomResync['reason'],
    revision = this.latestRevision,
  ): number {
    this.leave(client.id, feed);
    client.resync({ room: feed, reason, revision });
    return revision;
  }

  /** The mirror was read again after its feed broke: no chain covers the gap, so every client starts over. */
  private restartFrom(revision: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
    this.flushedRevision = this.latestRevision = revision;
    this.feedBroken = false;
    for (const [feed, members] of this.byFeed) {
      for (const { client } of [...members]) this.resync(client, feed, 'feed-resynced', revision);
    }
  }
}

/** A join while the change feed is broken: the client retries after a moment. */
export class HubUnavailableError extends Error {
  constructor() {
    super('the change feed is being read again; retry in a moment');
    this.name = 'HubUnavailableError';
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
