import type { Change, Watch, WatchHandlers } from '../types.js';
import type { ResumingWatch } from './etcd-stream.js';

/**
 * One StateStore watch on etcd: a ResumingWatch over the site's range, with the contract's
 * delivery rules on top: handlers run later (from setImmediate), one batch at a time, in order,
 * each batch whole transactions; cancel() stops delivery at once, even from inside a handler; a
 * failure is reported once, and a handler that throws ends the watch (continuing would hide a
 * gap from it), as in the SQLite store.
 */
export class EtcdWatcher implements Watch {
  private stream: ResumingWatch | undefined;
  private pending: Change[][] = [];
  private scheduled = false;
  private stopped = false;
  private cancelled = false;

  constructor(
    private readonly handlers: WatchHandlers,
    private readonly release: (watcher: EtcdWatcher) => void,
  ) {}

  /** Starts following `open()`'s stream, unless the watch has already ended. */
  follow(open: (watcher: EtcdWatcher) => ResumingWatch): void {
    if (this.stopped) return;
    this.stream = open(this);
    this.stream.start();
  }

  /** A stream's transactions, queued for delivery. */
  push(transactions: Change[][]): void {
    if (this.stopped) return;
    for (const changes of transactions) if (changes.length > 0) this.pending.push(changes);
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
    this.stream?.stop();
    this.release(this);
  }

  private schedule(): void {
    if (this.scheduled || this.pending.length === 0) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const batch = this.pending.flat();
    this.pending = [];
    if (batch.length === 0) return;
    try {
      this.handlers.onChanges(batch);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
