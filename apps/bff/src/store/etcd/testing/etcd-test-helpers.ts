import { expect } from 'vitest';
import { eventually } from '../../testing/contract/helpers.js';
import type { Change, StateStore } from '../../types.js';

/** A watch from `after` that keeps every change and error. */
export function follow(store: StateStore, after = 0) {
  const changes: Change[] = [];
  const errors: Error[] = [];
  const watch = store.watch(after, {
    onChanges: (batch) => changes.push(...batch),
    onError: (error) => errors.push(error),
  });
  return {
    watch,
    changes,
    errors,
    until: (revision: number) =>
      eventually(() => (changes.at(-1)?.revision ?? 0) >= revision, `revision ${revision}`, 20_000),
    failed: async () => {
      await eventually(() => errors.length > 0, 'a watch error', 20_000);
      return errors[0];
    },
  };
}

/**
 * Runs `action` until it succeeds: while a member restarts or a leader is elected, calls fail
 * with UNAVAILABLE. Only for writes whose repetition the test tolerates (distinct keys): a failed
 * write may still have committed.
 */
export async function untilAccepted<T>(action: () => Promise<T>, attempts = 200): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await action();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Commits one put per key, each in its own transaction, retrying through outages. */
export async function writeEach(store: StateStore, keys: string[]): Promise<number> {
  let revision = 0;
  for (const key of keys) {
    const result = await untilAccepted(() => store.txn({ operations: [{ type: 'put', key, value: key }] }));
    revision = result.revision;
  }
  return revision;
}

/** The watch saw exactly the store's history: every change once, in order, none missing. */
export async function expectWholeHistory(store: StateStore, seen: Change[]): Promise<void> {
  const history = await store.changesSince(0);
  expect(seen).toEqual(history);
  const revisions = seen.map((change) => change.revision);
  expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
}
