import type { Compare, Operation } from './types.js';

const MAX_CODE_POINT = 0x10ffff;

/** An operation checked and serialized before the write lock is taken. */
export type WriteOp = { type: 'put'; key: string; text: string } | { type: 'delete'; key: string };

/** Throws a RangeError unless `revision` is a non-negative integer. */
export function checkRevision(revision: number, name: string): void {
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${revision}`);
  }
}

/** Throws a RangeError unless `limit` is absent or a positive integer. */
export function checkLimit(limit: number | undefined): void {
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit > 0)) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
}

function checkKey(key: string): void {
  if (typeof key !== 'string' || key === '') throw new TypeError('keys must be non-empty strings');
  // Keys are stored as UTF-8; a lone surrogate would be silently replaced and alias another key.
  if (/\p{Cs}/u.test(key)) throw new TypeError(`key ${JSON.stringify(key)} is not well-formed Unicode`);
}

/** Throws unless the compare names a valid key and revision. */
export function checkCompare(compare: Compare): void {
  checkKey(compare.key);
  checkRevision(compare.modRevision, `compare modRevision of ${compare.key}`);
}

/** Validates and serializes every operation up front, so a bad one fails before anything is written. */
export function prepareOperations(operations: Operation[]): WriteOp[] {
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
export function prefixUpperBound(prefix: string): string | undefined {
  const codePoints = Array.from(prefix, (char) => char.codePointAt(0) ?? 0);
  for (let last = codePoints.pop(); last !== undefined; last = codePoints.pop()) {
    if (last === MAX_CODE_POINT) continue;
    // Surrogate code points cannot be stored, so the successor of U+D7FF is U+E000.
    const next = last === 0xd7ff ? 0xe000 : last + 1;
    return String.fromCodePoint(...codePoints, next);
  }
  return undefined;
}
