import { describe } from 'vitest';
import type { StateStore } from '../types.js';
import { describeCompaction } from './contract/compaction.contract.js';
import { describeChangeFeed } from './contract/feed.contract.js';
import { trackFixtures } from './contract/fixtures.js';
import { describeEntries } from './contract/kv.contract.js';
import { describeRestart } from './contract/restart.contract.js';
import { describeTransactions } from './contract/txn.contract.js';
import { describeWatch } from './contract/watch.contract.js';

/** One isolated store that can be opened, closed and opened again (a process restart). */
export interface StoreFixture {
  /** Opens the store; after close() it must open the same data again. */
  open(): Promise<StateStore>;
  /** Removes the store's data. The suite closes what it opened before calling this. */
  cleanup(): Promise<void>;
}

/**
 * Makes stores for the contract suite. Each fixture must be empty (revision 0) and private:
 * the suite counts revisions, so nothing else may write to it.
 */
export interface StoreFactory {
  fresh(): Promise<StoreFixture>;
}

/** The behaviour every StateStore implementation must show; run it from the implementation's test file. */
export function describeStateStoreContract(name: string, factory: StoreFactory): void {
  describe(`StateStore contract: ${name}`, () => {
    const open = trackFixtures(factory);
    describeEntries(open);
    describeTransactions(open);
    describeChangeFeed(open);
    describeWatch(open);
    describeRestart(open);
    describeCompaction(open);
  });
}
