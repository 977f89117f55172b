import { type Instruments, noInstruments, secondsSince } from '../metrics/prometheus/instruments.js';
import type { Compare, Operation, StateStore, TxnRequest, TxnResult } from '../store/types.js';
import { collectionOfKey, retiredPrefixes } from './collections.js';

/** Keys per transaction when clearing a retired prefix. */
const RETIRE_BATCH = 2_000;

/**
 * The one place that writes the store. Every write names a key of a declared collection and is
 * fenced as that collection says: a `state` or `record` key only with a compare on its mod
 * revision (the revision the writer read, 0 for "absent"), a `history` put only where the key is
 * absent (the compare is added here), a `history` delete as it is (retention, idempotent).
 * Breaking a rule is a bug in the caller, so it throws before anything is written.
 *
 * Domain state goes through the Committer, which builds its compares from the mirror; the
 * records that are not domain state (sessions, lockout, tokens, users, leases, samples,
 * retention) come here directly.
 */
export class StoreWriter {
  constructor(
    private readonly store: StateStore,
    private readonly instruments: Instruments = noInstruments,
  ) {}

  /** Checks the fencing of every operation, then commits the transaction (timed, by outcome). */
  async commit(request: TxnRequest): Promise<TxnResult> {
    const compared = new Set((request.compare ?? []).map((c) => c.key));
    const appended: Compare[] = [];
    for (const operation of request.operations) {
      const fence = fenceOf(operation, compared);
      if (fence === 'append') appended.push({ key: operation.key, modRevision: 0 });
    }
    const started = performance.now();
    try {
      const result = await this.store.txn(
        appended.length > 0 ? { ...request, compare: [...(request.compare ?? []), ...appended] } : request,
      );
      this.instruments.commit(secondsSince(started), result.succeeded ? 'committed' : 'conflict');
      return result;
    } catch (error) {
      this.instruments.commit(secondsSince(started), 'error');
      throw error;
    }
  }

  /** Deletes whatever earlier versions stored under prefixes this one no longer reads; returns how many. */
  async clearRetired(): Promise<number> {
    let deleted = 0;
    for (const prefix of retiredPrefixes) {
      const { entries } = await this.store.range(prefix);
      for (let at = 0; at < entries.length; at += RETIRE_BATCH) {
        const batch = entries.slice(at, at + RETIRE_BATCH);
        await this.store.txn({
          compare: batch.map((e) => ({ key: e.key, modRevision: e.modRevision })),
          operations: batch.map((e) => ({ type: 'delete', key: e.key })),
        });
        deleted += batch.length;
      }
    }
    return deleted;
  }
}

/** How an operation is fenced: by a compare the caller gave, by a compare added here, or not at all. */
function fenceOf(operation: Operation, compared: ReadonlySet<string>): 'given' | 'append' | 'none' {
  const collection = collectionOfKey(operation.key);
  if (!collection)
    throw new Error(`store key "${operation.key}" belongs to no collection (state/collections.ts)`);
  if (collection.fencing === 'history') {
    if (operation.type === 'delete' || compared.has(operation.key))
      return compared.has(operation.key) ? 'given' : 'none';
    return 'append';
  }
  if (!compared.has(operation.key))
    throw new Error(`unfenced write of ${operation.key}: a ${collection.fencing} key needs a compare`);
  return 'given';
}
