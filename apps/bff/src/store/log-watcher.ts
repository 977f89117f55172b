import type { Change, Watch, WatchHandlers } from './types.js';

/** One page of the change log. */
export interface LogPage {
  changes: Change[];
  /** The store's revision when the page was read. */
  revision: number;
}

/** What a watcher needs from the store. */
export interface ChangeLog {
  /** The next page after `afterRevision`; throws CompactedError or FutureRevisionError. */
  read(afterRevision: number): LogPage;
  /** Forgets a watcher that has stopped. */
  release(watcher: LogWatcher): void;
}

/**
 * One watch. It starts in catch-up mode, reading the log a page at a time; the page that reaches
 * the store's revision switches it to live mode within the same synchronous read, so commits
 * after that arrive through push() and none before it does: no gap, no duplicate. Handlers
 * always run later, from setImmediate, one batch at a time and in order.
 */
export class LogWatcher implements Watch {
  private cursor: number;
  private live = false;
  private stopped = false;
  private cancelled = false;
  private pending: Change[][] = [];
  private scheduled = false;

  constructor(
    afterRevision: number,
    private readonly handlers: WatchHandlers,
    private readonly log: ChangeLog,
  ) {
    this.cursor = afterRevision;
  }

  start(): void {
    this.readNextPage();
  }

  isLive(): boolean {
    return this.live && !this.stopped;
  }

  /** A live commit's changes; `revision` follows the cursor unless another writer slipped in. */
  push(revision: number, changes: Change[]): void {
    if (!this.isLive()) return;
    if (revision !== this.cursor + 1) {
      // Commits this process did not see (another connection wrote the file): reread the log.
      this.live = false;
      this.schedule();
      return;
    }
    this.cursor = revision;
    this.pending.push(changes);
    this.schedule();
  }

  cancel(): void {
    this.cancelled = true;
    this.stop();
  }

  /** Ends the watch and reports `error` once, later, unless the caller cancels first. */
  fail(error: Error): void {
    if (this.stopped) return;
    this.stop();
    setImmediate(() => {
      if (this.cancelled) return;
      try {
        this.handlers.onError(error);
      } catch {
        // Nowhere left to report to; a throwing onError must not take the store down.
      }
    });
  }

  private stop(): void {
    this.stopped = true;
    this.pending = [];
    this.log.release(this);
  }

  private readNextPage(): void {
    let page: LogPage;
    try {
      page = this.log.read(this.cursor);
    } catch (error) {
      this.fail(asError(error));
      return;
    }
    const last = page.changes.at(-1);
    if (!last && this.cursor < page.revision) {
      this.fail(new Error(`the change log has no entries after revision ${this.cursor}`));
      return;
    }
    if (last) {
      this.cursor = last.revision;
      this.pending.push(page.changes);
      this.schedule();
    }
    // Same synchronous read as the page: no commit can fall between the page and going live.
    this.live = this.cursor >= page.revision;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const batch = this.pending.length === 1 ? (this.pending[0] ?? []) : this.pending.flat();
    this.pending = [];
    if (batch.length > 0) this.deliver(batch);
    // Next page only after this one was handed over, so catching up holds one page in memory.
    if (!this.stopped && !this.live) this.readNextPage();
  }

  private deliver(batch: Change[]): void {
    try {
      this.handlers.onChanges(batch);
    } catch (error) {
      // The handler may have dropped part of the batch; continuing would hide a gap from it.
      this.fail(asError(error));
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
