import { Inventory } from '@drivebay/composer';
import type { Change, StateStore, Watch } from '../store/types.js';
import { auditJournal, eventJournal } from './event-journal.js';
import { inventoryChangeOf, inventoryPrefixes } from './keys.js';
import { KubeView, kubePrefixes } from './kube-view.js';
import { type VolumeFollower, VolumeView } from './volume-view.js';

/**
 * The BFF's in-memory copy of the inventory, the volumes and the event timeline: loaded from the store once, then kept current
 * by the change feed. It also remembers each key's modRevision, so commands can commit with
 * compare-and-write against exactly the state they decided on.
 */
/** Something that reacts to changes of keys under a prefix (e.g. closing sockets of ended sessions). */
export interface KeyFollower {
  prefix: string;
  apply(change: Change): void;
}

/** Keys the mirror keeps modRevisions for and decides on: the inventory, volumes, allocations and podwatcher records. */
function isStateKey(key: string): boolean {
  return (
    key.startsWith('volumes/') ||
    key.startsWith('allocations/') ||
    inventoryPrefixes.some((p) => key.startsWith(p)) ||
    kubePrefixes.some((p) => key.startsWith(p))
  );
}

const isKubeKey = (key: string) => kubePrefixes.some((p) => key.startsWith(p));

export class StoreMirror {
  readonly inventory = new Inventory();
  readonly volumes: VolumeView;
  /** Clusters, nodes, claims and pods as the podwatchers recorded them. */
  readonly kube = new KubeView();
  readonly events = eventJournal();
  readonly audit = auditJournal();
  private readonly followers: KeyFollower[] = [];
  private readonly modRevisions = new Map<string, number>();
  private appliedRevision = 0;
  private watch: Watch | undefined;
  private waiters: { revision: number; resolve: () => void }[] = [];
  private failure: Error | undefined;

  constructor(
    private readonly store: StateStore,
    volumeFollowers: VolumeFollower[] = [],
  ) {
    this.volumes = new VolumeView(volumeFollowers);
  }

  /** Also hands changes under `follower.prefix` (sessions/, users/, tokens/) to it, as they are applied. */
  follow(follower: KeyFollower): void {
    this.followers.push(follower);
  }

  /** Revision of the last change applied to the mirror. */
  get revision(): number {
    return this.appliedRevision;
  }

  /** Loads the inventory and follows the feed. Resolves once the mirror holds the store's state. */
  async start(): Promise<void> {
    let loadedAt = await this.store.revision();
    for (const prefix of [
      ...inventoryPrefixes,
      'volumes/',
      'allocations/',
      ...kubePrefixes,
      'events/',
      'audit/',
    ]) {
      const { entries, revision } = await this.store.range(prefix);
      loadedAt = Math.min(loadedAt, revision);
      for (const entry of entries) {
        const change: Change = {
          revision: entry.modRevision,
          type: 'put',
          key: entry.key,
          value: entry.value,
        };
        this.applyChange(change);
      }
    }
    // Ranges may have been read at slightly different revisions; replaying from the earliest
    // is safe because applying a put or delete again leaves the same state.
    this.appliedRevision = loadedAt;
    this.watch = this.store.watch(loadedAt, {
      onChanges: (changes) => this.applyBatch(changes),
      onError: (error) => this.fail(error),
    });
    await this.caughtUp(await this.store.revision());
  }

  stop(): void {
    this.watch?.cancel();
  }

  /** The modRevision the mirror last saw for a key; 0 when absent. */
  modRevisionOf(key: string): number {
    return this.modRevisions.get(key) ?? 0;
  }

  /** Resolves once the mirror has applied `revision`. */
  caughtUp(revision: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.appliedRevision >= revision) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ revision, resolve }));
  }

  private applyBatch(changes: Change[]): void {
    for (const change of changes) this.applyChange(change);
    const last = changes.at(-1);
    if (last) this.appliedRevision = Math.max(this.appliedRevision, last.revision);
    const ready = this.waiters.filter((w) => w.revision <= this.appliedRevision);
    this.waiters = this.waiters.filter((w) => w.revision > this.appliedRevision);
    for (const waiter of ready) waiter.resolve();
  }

  private applyChange(change: Change): void {
    if (change.key.startsWith('events/')) {
      this.events.apply(change);
      return;
    }
    if (change.key.startsWith('audit/')) {
      this.audit.apply(change);
      return;
    }
    for (const follower of this.followers) if (change.key.startsWith(follower.prefix)) follower.apply(change);
    if (!isStateKey(change.key)) return;
    if (change.type === 'put') this.modRevisions.set(change.key, change.revision);
    else this.modRevisions.delete(change.key);
    if (isKubeKey(change.key)) {
      this.kube.apply(change);
      return;
    }
    const inventoryChange = inventoryChangeOf(change);
    if (inventoryChange) this.inventory.apply(inventoryChange);
    else this.volumes.apply(change);
  }

  private fail(error: Error): void {
    // A compacted feed means this mirror fell too far behind; the process restarts cleanly
    // rather than serving a silently stale inventory.
    this.failure = error;
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters = [];
  }

  /** Why the mirror stopped following the store, if it did. */
  get error(): Error | undefined {
    return this.failure;
  }
}
