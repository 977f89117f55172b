import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { LogWatcher } from './log-watcher.js';
import { currentRevision, rangeRows, readLog, readMeta, snapshot } from './sqlite-reads.js';
import { textOf, toChange, toEntry } from './sqlite-rows.js';
import { configure, type Db, migrate, prepareStatements, type Statements } from './sqlite-schema.js';
import { type Applied, applyCompaction, applyTxn } from './sqlite-writes.js';
import { checkCompare, checkLimit, checkRevision, prepareOperations, type WriteOp } from './store-input.js';
import type {
  Change,
  Compare,
  Entry,
  RangeResult,
  StateStore,
  TxnRequest,
  TxnResult,
  Watch,
  WatchHandlers,
} from './types.js';

export interface SqliteStoreOptions {
  /** Database file; its directory is created when missing. */
  path: string;
  /** Transactions read per step when a watch replays history; bounds memory while catching up. */
  replayPageSize?: number;
}

/** A StateStore kept in one SQLite file, plus what operators and tests need to check durability. */
export interface SqliteStore extends StateStore {
  readonly path: string;
  /** The connection's journal mode ('wal') and synchronous level (2 = FULL). */
  durability(): { journalMode: string; synchronous: number };
}

const DEFAULT_REPLAY_PAGE_SIZE = 1000;

/**
 * Opens (creating when needed) the SQLite StateStore at `options.path`. Synchronous: better-sqlite3
 * does its I/O on the calling thread, so there is nothing to await; throws if the file cannot be
 * opened, is not in WAL mode afterwards, or was written by a newer schema.
 *
 * One process owns the file: watches only see commits made through this instance.
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const replayPageSize = options.replayPageSize ?? DEFAULT_REPLAY_PAGE_SIZE;
  if (!Number.isSafeInteger(replayPageSize) || replayPageSize < 1) {
    throw new RangeError(`replayPageSize must be a positive integer, got ${replayPageSize}`);
  }
  mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  try {
    configure(db);
    migrate(db);
    return new SqliteStateStore(db, options.path, replayPageSize);
  } catch (error) {
    db.close();
    throw error;
  }
}

class SqliteStateStore implements SqliteStore {
  private readonly sql: Statements;
  private readonly watchers = new Set<LogWatcher>();
  private closed = false;
  // db.transaction wrappers are built once: they cache their BEGIN/COMMIT statements.
  private readonly writeTxn: (compare: Compare[], ops: WriteOp[]) => Applied;
  private readonly compactTxn: (revision: number) => void;

  constructor(
    private readonly db: Db,
    readonly path: string,
    private readonly replayPageSize: number,
  ) {
    const sql = prepareStatements(db);
    this.sql = sql;
    const write = db.transaction((compare: Compare[], ops: WriteOp[]) => applyTxn(sql, compare, ops));
    this.writeTxn = (compare, ops) => write.immediate(compare, ops);
    const compact = db.transaction((revision: number) => applyCompaction(sql, revision));
    this.compactTxn = (revision) => compact.immediate(revision);
  }

  async get(key: string): Promise<Entry | undefined> {
    this.assertOpen();
    const row = this.sql.get.get(key);
    return row && toEntry(row);
  }

  async range(prefix: string): Promise<RangeResult> {
    this.assertOpen();
    return snapshot(this.sql, () => ({
      entries: rangeRows(this.sql, prefix).map(toEntry),
      revision: currentRevision(this.sql),
    }));
  }

  async txn(request: TxnRequest): Promise<TxnResult> {
    this.assertOpen();
    const compare = request.compare ?? [];
    compare.forEach(checkCompare);
    const ops = prepareOperations(request.operations);
    const { result, written } = this.writeTxn(compare, ops);
    if (result.succeeded && written.length > 0) this.publish(result.revision, written);
    return result;
  }

  async revision(): Promise<number> {
    this.assertOpen();
    return currentRevision(this.sql);
  }

  async compactedRevision(): Promise<number> {
    this.assertOpen();
    return readMeta(this.sql, 'compacted');
  }

  async changesSince(afterRevision: number, limit?: number): Promise<Change[]> {
    this.assertOpen();
    checkRevision(afterRevision, 'afterRevision');
    checkLimit(limit);
    return readLog(this.sql, afterRevision, limit).changes;
  }

  watch(afterRevision: number, handlers: WatchHandlers): Watch {
    this.assertOpen();
    checkRevision(afterRevision, 'afterRevision');
    const watcher = new LogWatcher(afterRevision, handlers, {
      read: (after) => readLog(this.sql, after, this.replayPageSize),
      release: (w) => this.watchers.delete(w),
    });
    this.watchers.add(watcher);
    watcher.start();
    return watcher;
  }

  async compact(revision: number): Promise<void> {
    this.assertOpen();
    checkRevision(revision, 'revision');
    this.compactTxn(revision);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const watcher of [...this.watchers]) watcher.fail(new Error('the state store was closed'));
    this.db.close();
  }

  durability(): { journalMode: string; synchronous: number } {
    this.assertOpen();
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the state store is closed');
  }

  /** Hands a commit to live watchers; called after COMMIT so that no handler runs inside a transaction. */
  private publish(revision: number, written: WriteOp[]): void {
    const live = [...this.watchers].filter((w) => w.isLive());
    if (live.length === 0) return;
    // Values are re-read from their JSON so that watchers never share objects with the caller.
    const changes = written.map((op) =>
      toChange({ revision, type: op.type, key: op.key, value: textOf(op) }),
    );
    for (const watcher of live) watcher.push(revision, changes);
  }
}
