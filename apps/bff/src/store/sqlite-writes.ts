import { currentRevision, readMeta } from './sqlite-reads.js';
import { textOf } from './sqlite-rows.js';
import type { Statements } from './sqlite-schema.js';
import type { WriteOp } from './store-input.js';
import { type Compare, FutureRevisionError, type TxnResult } from './types.js';

/** A transaction's outcome and the operations that changed something, for the watchers. */
export interface Applied {
  result: TxnResult;
  written: WriteOp[];
}

/** Runs inside BEGIN IMMEDIATE: compares and writes see no other writer in between. */
export function applyTxn(sql: Statements, compare: Compare[], ops: WriteOp[]): Applied {
  const current = currentRevision(sql);
  const conflicts = compare.filter((c) => modRevisionOf(sql, c.key) !== c.modRevision).map((c) => c.key);
  if (conflicts.length > 0) {
    return { result: { succeeded: false, revision: current, conflicts }, written: [] };
  }
  const next = current + 1;
  const written: WriteOp[] = [];
  for (const op of ops) {
    if (!applyOperation(sql, op, next)) continue;
    sql.log.run(next, written.length, op.type, op.key, textOf(op));
    written.push(op);
  }
  // Deleting absent keys writes nothing, so (as in etcd) it does not make a revision.
  if (written.length === 0) return { result: { succeeded: true, revision: current }, written };
  sql.setMeta.run(next, 'revision');
  return { result: { succeeded: true, revision: next }, written };
}

/** Applies one operation at `revision`; false when it changed nothing (delete of an absent key). */
function applyOperation(sql: Statements, op: WriteOp, revision: number): boolean {
  if (op.type === 'put') {
    sql.put.run(op.key, op.text, revision, revision);
    return true;
  }
  return sql.delete.run(op.key).changes > 0;
}

function modRevisionOf(sql: Statements, key: string): number {
  return sql.modRevision.get(key)?.modRevision ?? 0;
}

/** Discards history up to `revision`; runs inside BEGIN IMMEDIATE. */
export function applyCompaction(sql: Statements, revision: number): void {
  const current = currentRevision(sql);
  if (revision > current) throw new FutureRevisionError(revision, current);
  // Compacting to an older point than already done is a no-op, so callers need not coordinate.
  if (revision <= readMeta(sql, 'compacted')) return;
  sql.compact.run(revision);
  sql.setMeta.run(revision, 'compacted');
}
