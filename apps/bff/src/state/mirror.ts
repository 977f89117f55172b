import {
  type AnyCollection,
  type CollectionName,
  collections,
  type RecordOf,
  type StoredChange,
  type TypedChange,
} from './collections.js';
import { auditJournal, eventJournal } from './event-journal.js';
import { FeedFollower, type FeedLog } from './feed-follower.js';
import { InventoryView } from './inventory-view.js';
import { KubeView } from './kube-view.js';
import { LocateView } from './locate-view.js';
import { MetricsHistory } from './metrics-history.js';
import { type VolumeFollower, VolumeView } from './volume-view.js';

/** A change as the mirror applied it: its collection, and its value parsed by that collection's schema. */
export interface AppliedChange {
  collection: AnyCollection;
  typed: TypedChange;
}

/** Who hears about the mirror's feed: the live hub, readiness, whoever must not act on stale state. */
export interface MirrorListener {
  /** Changes of one or more whole transactions, in revision order, after they were applied. */
  applied?(changes: readonly AppliedChange[], revision: number): void;
  /** The feed broke (an error, or history compacted past it): the mirror is stale until `resynced`. */
  failed?(error: Error): void;
  /**
   * The mirror was read afresh after a failure and follows the feed again from `revision`. What
   * changed meanwhile was applied as puts and deletes, but no gapless chain of deltas covers it.
   */
  resynced?(revision: number): void;
}

/**
 * The BFF's in-memory copy of the store's domain state and timelines: loaded once, then kept
 * current by the change feed. Every change is routed to its collection and parsed once, here;
 * the views, the followers and the live hub all receive the same parsed change. The mirror also
 * remembers each state key's mod revision, so the Committer can compare against exactly the state
 * a decision read.
 */
export class StoreMirror {
  readonly inventory = new InventoryView();
  readonly volumes: VolumeView;
  /** Clusters, nodes, claims and pods as the podwatchers recorded them. */
  readonly kube = new KubeView();
  /** The locate LEDs the console lit. */
  readonly locates = new LocateView();
  readonly events = eventJournal();
  readonly audit = auditJournal();
  /** Samples of the site's figures, for the overview's charts. */
  readonly metrics = new MetricsHistory();
  private readonly feed: FeedFollower;
  private readonly followers = new Map<CollectionName, ((typed: TypedChange) => void)[]>();
  private readonly listeners: MirrorListener[] = [];

  constructor(
    store: ConstructorParameters<typeof FeedFollower>[0],
    volumeFollowers: VolumeFollower[] = [],
    log?: FeedLog,
  ) {
    this.volumes = new VolumeView(volumeFollowers);
    const views = {
      site: this.inventory,
      racks: this.inventory,
      enclosures: this.inventory,
      drives: this.inventory,
      servers: this.inventory,
      volumes: this.volumes,
      locates: this.locates,
      clusters: this.kube,
      nodes: this.kube,
      claims: this.kube,
      pods: this.kube,
      events: this.events,
      audit: this.audit,
      metrics: this.metrics,
    };
    this.feed = new FeedFollower(store, mirrored(views), {
      apply: (applied) => this.dispatch(applied),
      applied: (applied, revision) => {
        for (const listener of this.listeners) listener.applied?.(applied, revision);
      },
      failed: (error) => {
        for (const listener of this.listeners) listener.failed?.(error);
      },
      resynced: (revision) => {
        for (const listener of this.listeners) listener.resynced?.(revision);
      },
      log,
    });
  }

  /** Hands every change of a collection to `listener` as it is applied (e.g. closing sockets of ended sessions). */
  follow<N extends CollectionName>(name: N, listener: (change: StoredChange<RecordOf<N>>) => void): void {
    const list = this.followers.get(name) ?? [];
    // The typed change of collection `name` carries a StoredChange of its record type.
    list.push((typed) => listener(typed.change as StoredChange<RecordOf<N>>));
    this.followers.set(name, list);
    this.feed.include(collections[name]);
  }

  /** Hears about applied changes and about the feed failing and recovering. */
  listen(listener: MirrorListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  /** Revision of the last change applied to the mirror. */
  get revision(): number {
    return this.feed.revision;
  }

  /** Why the mirror is not following the store now, if it is not (it is resyncing). */
  get error(): Error | undefined {
    return this.feed.error;
  }

  /** Loads every mirrored collection and follows the feed. Resolves once the mirror holds the store's state. */
  start(): Promise<void> {
    return this.feed.start();
  }

  stop(): void {
    this.feed.stop();
  }

  /** The modRevision the mirror last saw for a state key; 0 when absent. */
  modRevisionOf(key: string): number {
    return this.feed.modRevisionOf(key);
  }

  /** Resolves once the mirror has applied `revision`; rejects while the feed is broken. */
  caughtUp(revision: number): Promise<void> {
    return this.feed.caughtUp(revision);
  }

  private dispatch({ typed }: AppliedChange): void {
    for (const listener of this.followers.get(typed.name) ?? []) listener(typed);
  }
}

/** What each mirrored collection is applied to. */
export interface MirroredView {
  mirror(typed: TypedChange): void;
  /** Ids the view holds for a history collection: what a resync compares it against. */
  heldIds(collection: AnyCollection): Iterable<string>;
}

function mirrored(views: Partial<Record<CollectionName, MirroredView>>): Map<AnyCollection, MirroredView> {
  const byCollection = new Map<AnyCollection, MirroredView>();
  for (const [name, view] of Object.entries(views)) {
    byCollection.set(collections[name as CollectionName] as AnyCollection, view);
  }
  // Allocation keys are state with no view: only their mod revisions matter, for the compares.
  byCollection.set(collections.allocations as AnyCollection, { mirror: () => {}, heldIds: () => [] });
  return byCollection;
}
