import type { Change, StateStore, Watch, WatchHandlers } from '../store/types.js';

/**
 * A real store whose change feed a test can break: `fail(error)` ends every open watch with that
 * error, as a dropped etcd connection would; `stall()` holds every watch where it is (its real
 * watch cancelled, its place remembered) and `resume()` opens the real watch again from there,
 * so that a compaction in between reaches it as the store's own CompactedError.
 */
export interface FeedFaults {
  store: StateStore;
  fail(error: Error): void;
  stall(): void;
  resume(): void;
  /** Watches opened so far (a resync opens a new one). */
  readonly watchesOpened: number;
}

interface Tapped {
  handlers: WatchHandlers;
  cursor: number;
  inner: Watch | undefined;
  done: boolean;
}

export function withFeedFaults(store: StateStore): FeedFaults {
  const open = new Set<Tapped>();
  let opened = 0;
  const attach = (tapped: Tapped) => {
    tapped.inner = store.watch(tapped.cursor, {
      onChanges: (changes: Change[]) => {
        if (tapped.done) return;
        tapped.cursor = changes.at(-1)?.revision ?? tapped.cursor;
        tapped.handlers.onChanges(changes);
      },
      onError: (error) => end(tapped, error),
    });
  };
  const end = (tapped: Tapped, error: Error) => {
    if (tapped.done) return;
    tapped.done = true;
    tapped.inner?.cancel();
    open.delete(tapped);
    tapped.handlers.onError(error);
  };
  const faulty: StateStore = {
    get: (key) => store.get(key),
    range: (prefix) => store.range(prefix),
    txn: (request) => store.txn(request),
    revision: () => store.revision(),
    compactedRevision: () => store.compactedRevision(),
    changesSince: (after, limit) => store.changesSince(after, limit),
    compact: (revision) => store.compact(revision),
    close: () => store.close(),
    watch(afterRevision: number, handlers: WatchHandlers): Watch {
      opened += 1;
      const tapped: Tapped = { handlers, cursor: afterRevision, inner: undefined, done: false };
      open.add(tapped);
      attach(tapped);
      return {
        cancel() {
          tapped.done = true;
          tapped.inner?.cancel();
          open.delete(tapped);
        },
      };
    },
  };
  return {
    store: faulty,
    fail(error) {
      for (const tapped of [...open]) end(tapped, error);
    },
    stall() {
      for (const tapped of open) {
        tapped.inner?.cancel();
        tapped.inner = undefined;
      }
    },
    resume() {
      for (const tapped of open) if (!tapped.inner) attach(tapped);
    },
    get watchesOpened() {
      return opened;
    },
  };
}
