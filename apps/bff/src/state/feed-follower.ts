import type { Change, JsonInput, StateStore, Watch } from '../store/types.js';
import {
  type AnyCollection,
  collectionOfKey,
  idOfKey,
  type StoredChange,
  typedChange,
} from './collections.js';
import type { AppliedChange, MirroredView } from './mirror.js';

export interface FeedLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

interface FeedHandlers {
  /** Each change as it is applied (followers). */
  apply(applied: AppliedChange): void;
  /** A batch of live changes, after it was applied (the live hub). */
  applied(applied: readonly AppliedChange[], revision: number): void;
  failed(error: Error): void;
  resynced(revision: number): void;
  log?: FeedLog | undefined;
}

/** Commands asked to decide while the feed is broken get this, and answer UNAVAILABLE. */
export class FeedUnavailableError extends Error {
  constructor(readonly reason: Error) {
    super(`the change feed failed (${reason.message}); the state is being read again`);
    this.name = 'FeedUnavailableError';
  }
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

/**
 * Reads the mirrored collections and follows the store's change feed: routes and parses each
 * change once, tracks state keys' mod revisions, and hands the parsed change on. When the feed
 * fails (an error, or a compaction past where it was), it says so at once, refuses to vouch for
 * the state, reads everything again (applying the differences as puts and deletes, so the views
 * and their followers stay consistent), and follows the feed again from there.
 */
export class FeedFollower {
  private readonly modRevisions = new Map<string, number>();
  /** Collections only followed (no view, not loaded): sessions, users, tokens. */
  private readonly followed = new Set<AnyCollection>();
  private appliedRevision = 0;
  private watch: Watch | undefined;
  private waiters: { revision: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  private failure: Error | undefined;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Pick<StateStore, 'range' | 'revision' | 'watch'>,
    private readonly views: ReadonlyMap<AnyCollection, MirroredView>,
    private readonly handlers: FeedHandlers,
  ) {}

  include(collection: AnyCollection): void {
    if (!this.views.has(collection)) this.followed.add(collection);
  }

  get revision(): number {
    return this.appliedRevision;
  }

  get error(): Error | undefined {
    return this.failure;
  }

  async start(): Promise<void> {
    this.stopped = false;
    const from = await this.read();
    this.follow(from);
    await this.caughtUp(await this.store.revision());
  }

  stop(): void {
    this.stopped = true;
    this.watch?.cancel();
    this.watch = undefined;
    clearTimeout(this.retryTimer);
  }

  modRevisionOf(key: string): number {
    return this.modRevisions.get(key) ?? 0;
  }

  caughtUp(revision: number): Promise<void> {
    if (this.failure) return Promise.reject(new FeedUnavailableError(this.failure));
    if (this.appliedRevision >= revision) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ revision, resolve, reject }));
  }

  private follow(from: number): void {
    this.watch = this.store.watch(from, {
      onChanges: (changes) => this.applyBatch(changes),
      onError: (error) => this.fail(error),
    });
  }

  private applyBatch(changes: readonly Change[]): void {
    if (this.failure || this.stopped) return;
    const applied: AppliedChange[] = [];
    for (const change of changes) {
      const fresh = change.revision > this.appliedRevision;
      const done = this.applyChange(change);
      if (done && fresh) applied.push(done);
    }
    const last = changes.at(-1);
    if (last) this.appliedRevision = Math.max(this.appliedRevision, last.revision);
    this.settleWaiters();
    if (applied.length > 0) this.handlers.applied(applied, this.appliedRevision);
  }

  private settleWaiters(): void {
    const due = this.waiters.filter((w) => w.revision <= this.appliedRevision);
    this.waiters = this.waiters.filter((w) => w.revision > this.appliedRevision);
    for (const waiter of due) waiter.resolve();
  }

  private applyChange(change: Change): AppliedChange | undefined {
    const collection = collectionOfKey(change.key);
    if (!collection) return undefined;
    const view = this.views.get(collection);
    if (!view && !this.followed.has(collection)) return undefined;
    if (collection.fencing === 'state') {
      // A change replayed after a read that already saw a newer one must not undo it.
      if (change.revision <= (this.modRevisions.get(change.key) ?? 0) && change.type === 'put')
        return undefined;
      if (change.type === 'put') this.modRevisions.set(change.key, change.revision);
      else this.modRevisions.delete(change.key);
    }
    const typed = typedChange(collection, this.parse(collection, change));
    view?.mirror(typed);
    const applied = { collection, typed };
    this.handlers.apply(applied);
    return applied;
  }

  /**
   * The change with its value parsed by the collection's schema. A record that does not fit (an
   * older version wrote it, or it was damaged) is left out as if deleted, and said loudly: it
   * must not reach the composer, and a later write may replace it (its mod revision is kept).
   */
  private parse(collection: AnyCollection, change: Change): StoredChange<JsonInput> {
    const id = idOfKey(collection, change.key);
    const { revision, key } = change;
    if (change.type === 'delete') return { type: 'delete', key, id, revision };
    const parsed = collection.schema.safeParse(change.value);
    if (parsed.success) return { type: 'put', key, id, revision, value: parsed.data };
    this.handlers.log?.error('store record does not fit its schema; left out', {
      key,
      revision,
      issue: parsed.error.issues[0]?.message,
      path: parsed.error.issues[0]?.path.join('.'),
    });
    return { type: 'delete', key, id, revision };
  }

  private fail(error: Error): void {
    if (this.failure || this.stopped) return;
    this.failure = error;
    this.watch?.cancel();
    this.watch = undefined;
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(new FeedUnavailableError(error));
    this.handlers.log?.error('change feed failed; reading the state again', {
      error: error.message,
      revision: this.appliedRevision,
    });
    this.handlers.failed(error);
    this.scheduleResync();
  }

  private scheduleResync(): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => void this.resync(), this.retryMs);
    this.retryTimer.unref?.();
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  private async resync(): Promise<void> {
    if (this.stopped) return;
    try {
      const from = await this.read();
      if (this.stopped) return;
      this.failure = undefined;
      this.retryMs = FIRST_RETRY_MS;
      this.follow(from);
      this.handlers.log?.info('change feed resynced', { revision: from });
      this.handlers.resynced(from);
    } catch (error) {
      this.handlers.log?.warn('reading the state again failed; retrying', { error: String(error) });
      this.scheduleResync();
    }
  }

  /**
   * Reads every mirrored collection and applies what differs from what the mirror holds: puts for
   * records it lacks or holds older, deletes for records gone. On a fresh mirror that is a load.
   * Returns the revision to follow the feed from (the earliest any range was read at: replaying
   * from there is safe, as applying a change again leaves the same state).
   */
  private async read(): Promise<number> {
    let readAt = await this.store.revision();
    for (const [collection, view] of this.views) {
      const { entries, revision } = await this.store.range(collection.prefix);
      readAt = Math.min(readAt, revision);
      const seen = new Set<string>();
      const history = collection.fencing === 'history' ? new Set(view.heldIds(collection)) : undefined;
      for (const entry of entries) {
        if (collectionOfKey(entry.key) !== collection) continue;
        seen.add(entry.key);
        const held = history
          ? history.has(idOfKey(collection, entry.key))
          : this.modRevisions.get(entry.key) === entry.modRevision;
        if (held) continue;
        this.applyChange({ revision: entry.modRevision, type: 'put', key: entry.key, value: entry.value });
      }
      const heldKeys = history
        ? [...history].map((id) => `${collection.prefix}${id}`)
        : [...this.modRevisions.keys()].filter((key) => collectionOfKey(key) === collection);
      for (const key of heldKeys) {
        if (!seen.has(key)) this.applyChange({ revision, type: 'delete', key });
      }
    }
    this.appliedRevision = readAt;
    return readAt;
  }
}
