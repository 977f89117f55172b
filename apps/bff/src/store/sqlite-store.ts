import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  type Change,
  CompactedError,
  type Compare,
  type Entry,
  FutureRevisionError,
  type JsonValue,
  type Operation,
  type RangeResult,
  type StateStore,
  type TxnRequest,
  type TxnResult,
  type Watch,
  type WatchHandlers,
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

type Db = Database.Database;

const SCHEMA_VERSION = 1;
const DEFAULT_REPLAY_PAGE_SIZE = 1000;
const MAX_CODE_POINT = 0x10ffff;

function configure(db: Db): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  // WAL can be refused (e.g. some network filesystems); the durability contract depends on it.
  if (mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${db.name} (got ${String(mode)})`);
  // FULL fsyncs the WAL on every commit: a txn() that resolved survives power loss, not just a crash.
  db.pragma('synchronous = FULL');
}

/** Creates the schema; under the write lock, so two processes opening a new file cannot both try. */
function migrate(db: Db): void {
  db.transaction(() => {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) {
      throw new Error(`${db.name} has schema version ${version}; this build understands ${SCHEMA_VERSION}`);
    }
    if (version === SCHEMA_VERSION) return;
    // WITHOUT ROWID clusters kv by key (range scans read consecutive pages) and changes by
    // (revision, seq) (replay reads consecutive pages, compaction deletes from the left edge).
    db.exec(`
      CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO meta (name, value) VALUES ('revision', 0), ('compacted', 0);
      CREATE TABLE kv (
        key TEXT PRIMARY KEY, value TEXT NOT NULL,
        create_revision INTEGER NOT NULL, mod_revision INTEGER NOT NULL, version INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE changes (
        revision INTEGER NOT NULL, seq INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('put', 'delete')), key TEXT NOT NULL, value TEXT,
        PRIMARY KEY (revision, seq)
      ) WITHOUT ROWID;
      PRAGMA user_version = ${SCHEMA_VERSION};
    `);
  }).immediate();
}

/** Row shapes as the SQL below selects them (column aliases match the field names). */
interface EntryRow {
  key: string;
  value: string;
  createRevision: number;
  modRevision: number;
  version: number;
}
interface ChangeRow {
  revision: number;
  type: 'put' | 'delete';
  key: string;
  value: string | null;
}

/** An operation checked and serialized before the write lock is taken. */
type WriteOp = { type: 'put'; key: string; text: string } | { type: 'delete'; key: string };

/** A transaction's outcome and the operations that changed something, for the watchers. */
interface Applied {
  result: TxnResult;
  written: WriteOp[];
}

const ENTRY_COLUMNS = 'key, value, create_revision AS createRevision, mod_revision AS modRevision, version';

function prepareStatements(db: Db) {
  return {
    meta: db.prepare<[string], { value: number }>('SELECT value FROM meta WHERE name = ?'),
    setMeta: db.prepare<[number, string]>('UPDATE meta SET value = ? WHERE name = ?'),
    get: db.prepare<[string], EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM kv WHERE key = ?`),
    modRevision: db.prepare<[string], { modRevision: number }>(
      'SELECT mod_revision AS modRevision FROM kv WHERE key = ?',
    ),
    rangeAll: db.prepare<[], EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM kv ORDER BY key`),
    rangeFrom: db.prepare<[string], EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM kv WHERE key >= ? ORDER BY key`),
    rangeBetween: db.prepare<[string, string], EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM kv WHERE key >= ? AND key < ? ORDER BY key`,
    ),
    // Keeps create_revision on overwrite; a key deleted earlier is a fresh insert (version 1).
    put: db.prepare<[string, string, number, number]>(
      `INSERT INTO kv (key, value, create_revision, mod_revision, version) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, mod_revision = excluded.mod_revision,
       version = kv.version + 1`,
    ),
    delete: db.prepare<[string]>('DELETE FROM kv WHERE key = ?'),
    log: db.prepare<[number, number, string, string, string | null]>(
      'INSERT INTO changes (revision, seq, type, key, value) VALUES (?, ?, ?, ?, ?)',
    ),
    changesBetween: db.prepare<[number, number], ChangeRow>(
      'SELECT revision, type, key, value FROM changes WHERE revision > ? AND revision <= ? ORDER BY revision, seq',
    ),
    compact: db.prepare<[number]>('DELETE FROM changes WHERE revision <= ?'),
    beginRead: db.prepare('BEGIN DEFERRED'),
    endRead: db.prepare('COMMIT'),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

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
    this.sql = prepareStatements(db);
    const write = db.transaction((compare: Compare[], ops: WriteOp[]) => this.applyTxn(compare, ops));
    this.writeTxn = (compare, ops) => write.immediate(compare, ops);
    const compact = db.transaction((revision: number) => this.applyCompaction(revision));
    this.compactTxn = (revision) => compact.immediate(revision);
  }

  async get(key: string): Promise<Entry | undefined> {
    this.assertOpen();
    const row = this.sql.get.get(key);
    return row && toEntry(row);
  }

  async range(prefix: string): Promise<RangeResult> {
    this.assertOpen();
    return this.snapshot(() => ({
      entries: this.rangeRows(prefix).map(toEntry),
      revision: this.currentRevision(),
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
    return this.currentRevision();
  }

  async compactedRevision(): Promise<number> {
    this.assertOpen();
    return this.readMeta('compacted');
  }

  async changesSince(afterRevision: number, limit?: number): Promise<Change[]> {
    this.assertOpen();
    checkRevision(afterRevision, 'afterRevision');
    if (limit !== undefined && !(Number.isSafeInteger(limit) && limit > 0)) {
      throw new RangeError(`limit must be a positive integer, got ${limit}`);
    }
    return this.readLog(afterRevision, limit).changes;
  }

  watch(afterRevision: number, handlers: WatchHandlers): Watch {
    this.assertOpen();
    checkRevision(afterRevision, 'afterRevision');
    const watcher = new LogWatcher(afterRevision, handlers, {
      read: (after) => this.readLog(after, this.replayPageSize),
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

  /** Runs `reader` in one read transaction, so that its statements see one consistent state. */
  private snapshot<T>(reader: () => T): T {
    this.sql.beginRead.run();
    try {
      return reader();
    } finally {
      this.sql.endRead.run();
    }
  }

  private readMeta(name: 'revision' | 'compacted'): number {
    const row = this.sql.meta.get(name);
    if (!row) throw new Error(`state store metadata '${name}' is missing`);
    return row.value;
  }

  private currentRevision(): number {
    return this.readMeta('revision');
  }

  private rangeRows(prefix: string): EntryRow[] {
    if (prefix === '') return this.sql.rangeAll.all();
    const upper = prefixUpperBound(prefix);
    return upper === undefined ? this.sql.rangeFrom.all(prefix) : this.sql.rangeBetween.all(prefix, upper);
  }

  /** Runs inside BEGIN IMMEDIATE: compares and writes see no other writer in between. */
  private applyTxn(compare: Compare[], ops: WriteOp[]): Applied {
    const current = this.currentRevision();
    const conflicts = compare.filter((c) => this.modRevisionOf(c.key) !== c.modRevision).map((c) => c.key);
    if (conflicts.length > 0) {
      return { result: { succeeded: false, revision: current, conflicts }, written: [] };
    }
    const next = current + 1;
    const written: WriteOp[] = [];
    for (const op of ops) {
      if (!this.applyOperation(op, next)) continue;
      this.sql.log.run(next, written.length, op.type, op.key, textOf(op));
      written.push(op);
    }
    // Deleting absent keys writes nothing, so (as in etcd) it does not make a revision.
    if (written.length === 0) return { result: { succeeded: true, revision: current }, written };
    this.sql.setMeta.run(next, 'revision');
    return { result: { succeeded: true, revision: next }, written };
  }

  /** Applies one operation at `revision`; false when it changed nothing (delete of an absent key). */
  private applyOperation(op: WriteOp, revision: number): boolean {
    if (op.type === 'put') {
      this.sql.put.run(op.key, op.text, revision, revision);
      return true;
    }
    return this.sql.delete.run(op.key).changes > 0;
  }

  private modRevisionOf(key: string): number {
    return this.sql.modRevision.get(key)?.modRevision ?? 0;
  }

  private applyCompaction(revision: number): void {
    const current = this.currentRevision();
    if (revision > current) throw new FutureRevisionError(revision, current);
    // Compacting to an older point than already done is a no-op, so callers need not coordinate.
    if (revision <= this.readMeta('compacted')) return;
    this.sql.compact.run(revision);
    this.sql.setMeta.run(revision, 'compacted');
  }

  /** Changes after `afterRevision`, at most `limit` transactions, and the revision they were read at. */
  private readLog(afterRevision: number, limit?: number): LogPage {
    return this.snapshot(() => {
      const revision = this.currentRevision();
      const compacted = this.readMeta('compacted');
      if (afterRevision < compacted) throw new CompactedError(afterRevision, compacted);
      if (afterRevision > revision) throw new FutureRevisionError(afterRevision, revision);
      // Every revision in (compacted, revision] has at least one row, so a bound on revisions is
      // a bound on whole transactions.
      const upTo = limit === undefined ? revision : Math.min(revision, afterRevision + limit);
      return { changes: this.sql.changesBetween.all(afterRevision, upTo).map(toChange), revision };
    });
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

function textOf(op: WriteOp): string | null {
  return op.type === 'put' ? op.text : null;
}

/** The store wrote `text` with JSON.stringify, so it parses back to a JsonValue by construction. */
function parseJson(text: string): JsonValue {
  const value: JsonValue = JSON.parse(text);
  return value;
}

function toEntry(row: EntryRow): Entry {
  return { ...row, value: parseJson(row.value) };
}

function toChange(row: ChangeRow): Change {
  if (row.type === 'delete' || row.value === null) {
    return { revision: row.revision, type: 'delete', key: row.key };
  }
  return { revision: row.revision, type: 'put', key: row.key, value: parseJson(row.value) };
}

function checkRevision(revision: number, name: string): void {
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${revision}`);
  }
}

function checkKey(key: string): void {
  if (typeof key !== 'string' || key === '') throw new TypeError('keys must be non-empty strings');
  // Keys are stored as UTF-8; a lone surrogate would be silently replaced and alias another key.
  if (/\p{Cs}/u.test(key)) throw new TypeError(`key ${JSON.stringify(key)} is not well-formed Unicode`);
}

function checkCompare(compare: Compare): void {
  checkKey(compare.key);
  checkRevision(compare.modRevision, `compare modRevision of ${compare.key}`);
}

/** Validates and serializes every operation up front, so a bad one fails before anything is written. */
function prepareOperations(operations: Operation[]): WriteOp[] {
  const seen = new Set<string>();
  return operations.map((op): WriteOp => {
    checkKey(op.key);
    // As in etcd: one key once per transaction, so the outcome never depends on operation order.
    if (seen.has(op.key)) throw new TypeError(`key ${op.key} appears twice in one transaction`);
    seen.add(op.key);
    if (op.type === 'delete') return { type: 'delete', key: op.key };
    const text: unknown = JSON.stringify(op.value);
    if (typeof text !== 'string') throw new TypeError(`value for ${op.key} is not JSON`);
    return { type: 'put', key: op.key, text };
  });
}

/**
 * The smallest string above every string that starts with `prefix`, in SQLite's BINARY order
 * (UTF-8 bytes, which is code point order); undefined when the prefix is all U+10FFFF.
 */
function prefixUpperBound(prefix: string): string | undefined {
  const codePoints = Array.from(prefix, (char) => char.codePointAt(0) ?? 0);
  for (let last = codePoints.pop(); last !== undefined; last = codePoints.pop()) {
    if (last === MAX_CODE_POINT) continue;
    // Surrogate code points cannot be stored, so the successor of U+D7FF is U+E000.
    const next = last === 0xd7ff ? 0xe000 : last + 1;
    return String.fromCodePoint(...codePoints, next);
  }
  return undefined;
}

interface LogPage {
  changes: Change[];
  /** The store's revision when the page was read. */
  revision: number;
}

interface ChangeLog {
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
class LogWatcher implements Watch {
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
