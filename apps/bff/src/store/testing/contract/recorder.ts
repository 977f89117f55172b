import { expect } from 'vitest';
import type { Change, StateStore, Watch } from '../../types.js';
import { eventually } from './helpers.js';

/** A watch that keeps every batch and error it receives. */
export interface Recorder {
  watch: Watch;
  batches: Change[][];
  errors: Error[];
  changes(): Change[];
  /** Resolves once a change at `revision` or later has arrived. */
  until(revision: number): Promise<void>;
  /** Resolves with the first error once onError has been called. */
  failed(): Promise<Error | undefined>;
}

/** Watches `store` from `afterRevision`, recording what arrives; `onBatch` runs inside the handler. */
export function record(
  store: StateStore,
  afterRevision: number,
  onBatch?: (batch: Change[]) => void,
): Recorder {
  const batches: Change[][] = [];
  const errors: Error[] = [];
  const changes = () => batches.flat();
  const watch = store.watch(afterRevision, {
    onChanges: (batch) => {
      batches.push(batch);
      onBatch?.(batch);
    },
    onError: (error) => errors.push(error),
  });
  return {
    watch,
    batches,
    errors,
    changes,
    until: (revision) =>
      eventually(() => (changes().at(-1)?.revision ?? 0) >= revision, `revision ${revision}`),
    failed: async () => {
      await eventually(() => errors.length > 0, 'a watch error');
      return errors[0];
    },
  };
}

/** Every transaction's changes arrive in one batch, and no batch is empty. */
export function expectWholeTransactions(batches: Change[][]): void {
  const batchOf = new Map<number, number>();
  batches.forEach((batch, index) => {
    expect(batch.length).toBeGreaterThan(0);
    for (const change of batch) {
      expect(batchOf.get(change.revision) ?? index).toBe(index);
      batchOf.set(change.revision, index);
    }
  });
}
