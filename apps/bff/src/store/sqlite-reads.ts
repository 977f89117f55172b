import type { LogPage } from './log-watcher.js';
import { toChange } from './sqlite-rows.js';
import type { EntryRow, Statements } from './sqlite-schema.js';
import { prefixUpperBound } from './store-input.js';
import { CompactedError, FutureRevisionError } from './types.js';

/** Runs `reader` in one read transaction, so that its statements see one consistent state. */
export function snapshot<T>(sql: Statements, reader: () => T): T {
  sql.beginRead.run();
  try {
    return reader();
  } finally {
    sql.endRead.run();
  }
}

/** The store's revision or compacted revision, as kept in the meta table. */
export function readMeta(sql: Statements, name: 'revision' | 'compacted'): number {
  const row = sql.meta.get(name);
  if (!row) throw new Error(`state store metadata '${name}' is missing`);
  return row.value;
}

/** The store's current revision. */
export function currentRevision(sql: Statements): number {
  return readMeta(sql, 'revision');
}

/** The kv rows whose key starts with `prefix`, in key order. */
export function rangeRows(sql: Statements, prefix: string): EntryRow[] {
  if (prefix === '') return sql.rangeAll.all();
  const upper = prefixUpperBound(prefix);
  return upper === undefined ? sql.rangeFrom.all(prefix) : sql.rangeBetween.all(prefix, upper);
}

/** Changes after `afterRevision`, at most `limit` transactions, and the revision they were read at. */
export function readLog(sql: Statements, afterRevision: number, limit?: number): LogPage {
  return snapshot(sql, () => {
    const revision = currentRevision(sql);
    const compacted = readMeta(sql, 'compacted');
    if (afterRevision < compacted) throw new CompactedError(afterRevision, compacted);
    if (afterRevision > revision) throw new FutureRevisionError(afterRevision, revision);
    // Every revision in (compacted, revision] has at least one row, so a bound on revisions is
    // a bound on whole transactions.
    const upTo = limit === undefined ? revision : Math.min(revision, afterRevision + limit);
    return { changes: sql.changesBetween.all(afterRevision, upTo).map(toChange), revision };
  });
}
