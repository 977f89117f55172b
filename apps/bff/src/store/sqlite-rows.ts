import type { ChangeRow, EntryRow } from './sqlite-schema.js';
import type { WriteOp } from './store-input.js';
import type { Change, Entry, JsonValue } from './types.js';

/** The JSON text an operation writes; null for a delete. */
export function textOf(op: WriteOp): string | null {
  return op.type === 'put' ? op.text : null;
}

/** The store wrote `text` with JSON.stringify, so it parses back to a JsonValue by construction. */
function parseJson(text: string): JsonValue {
  const value: JsonValue = JSON.parse(text);
  return value;
}

/** A kv row as the Entry callers see, its value parsed afresh. */
export function toEntry(row: EntryRow): Entry {
  return { ...row, value: parseJson(row.value) };
}

/** A change-log row as the Change callers see, its value parsed afresh. */
export function toChange(row: ChangeRow): Change {
  if (row.type === 'delete' || row.value === null) {
    return { revision: row.revision, type: 'delete', key: row.key };
  }
  return { revision: row.revision, type: 'put', key: row.key, value: parseJson(row.value) };
}
