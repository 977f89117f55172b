import type Database from 'better-sqlite3';

export type Db = Database.Database;

const SCHEMA_VERSION = 1;

/** Puts the connection in WAL mode with synchronous FULL; throws when SQLite refuses WAL. */
export function configure(db: Db): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  // WAL can be refused (e.g. some network filesystems); the durability contract depends on it.
  if (mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${db.name} (got ${String(mode)})`);
  // FULL fsyncs the WAL on every commit: a txn() that resolved survives power loss, not just a crash.
  db.pragma('synchronous = FULL');
}

/** Creates the schema; under the write lock, so two processes opening a new file cannot both try. */
export function migrate(db: Db): void {
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
export interface EntryRow {
  key: string;
  value: string;
  createRevision: number;
  modRevision: number;
  version: number;
}
export interface ChangeRow {
  revision: number;
  type: 'put' | 'delete';
  key: string;
  value: string | null;
}

const ENTRY_COLUMNS = 'key, value, create_revision AS createRevision, mod_revision AS modRevision, version';

type Statement<Params extends unknown[], Row = unknown> = Database.Statement<Params, Row>;

/** Every statement the store runs; spelled out because declarations cannot name better-sqlite3's inferred types. */
export interface Statements {
  meta: Statement<[string], { value: number }>;
  setMeta: Statement<[number, string]>;
  get: Statement<[string], EntryRow>;
  modRevision: Statement<[string], { modRevision: number }>;
  rangeAll: Statement<[], EntryRow>;
  rangeFrom: Statement<[string], EntryRow>;
  rangeBetween: Statement<[string, string], EntryRow>;
  put: Statement<[string, string, number, number]>;
  delete: Statement<[string]>;
  log: Statement<[number, number, string, string, string | null]>;
  changesBetween: Statement<[number, number], ChangeRow>;
  compact: Statement<[number]>;
  beginRead: Statement<unknown[]>;
  endRead: Statement<unknown[]>;
}

/** Prepares every statement the store runs, once per connection. */
export function prepareStatements(db: Db): Statements {
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
