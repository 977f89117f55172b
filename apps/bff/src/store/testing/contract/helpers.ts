import { expect } from 'vitest';
import {
  type Change,
  CompactedError,
  FutureRevisionError,
  type JsonValue,
  type Operation,
  type StateStore,
} from '../../types.js';

/** A put operation. */
export function put(key: string, value: JsonValue): Operation {
  return { type: 'put', key, value };
}

/** A delete operation. */
export function del(key: string): Operation {
  return { type: 'delete', key };
}

/** Commits one put per transaction and returns the revision of the last one. */
export async function putEach(store: StateStore, keys: string[]): Promise<number> {
  let revision = await store.revision();
  for (const key of keys) {
    const result = await store.txn({ operations: [put(key, key)] });
    revision = result.revision;
  }
  return revision;
}

/** `count` keys under `prefix`, zero-padded so that they sort in creation order. */
export function keysFrom(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
}

/** The revision of each change. */
export function revisions(changes: Change[]): number[] {
  return changes.map((change) => change.revision);
}

/** The integers from `from` to `to`, inclusive. */
export function sequence(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Polls until `ready` holds; watch delivery is asynchronous by contract. */
export async function eventually(ready: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Lets pending deliveries run, so that a test can assert that nothing more arrives. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 30));
}

/** Asserts that `error` is the CompactedError for these revisions. */
export function expectCompacted(error: unknown, requested: number, compacted: number): void {
  expect(error).toBeInstanceOf(CompactedError);
  expect(error).toMatchObject({
    code: 'COMPACTED',
    requestedRevision: requested,
    compactedRevision: compacted,
  });
}

/** Asserts that `error` is the FutureRevisionError for these revisions. */
export function expectFuture(error: unknown, requested: number, current: number): void {
  expect(error).toBeInstanceOf(FutureRevisionError);
  expect(error).toMatchObject({
    code: 'FUTURE_REVISION',
    requestedRevision: requested,
    currentRevision: current,
  });
}
