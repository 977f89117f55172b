/**
 * The StateStore contract: revisioned key-value entries, multi-key compare-and-write
 * transactions, and an ordered, gapless change feed. Modelled on etcd's v3 API so that an
 * etcd implementation can sit behind the same interface and pass the same contract suite.
 *
 * Revisions: the store has one revision counter. Every successful transaction that writes
 * at least one key increments it by exactly one; all changes of that transaction carry the
 * new revision. Revision 0 is the empty store.
 */

/** Values are JSON: whatever JSON.stringify/parse round-trips. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * What a put may write: JSON, where an object's property may also be undefined (JSON.stringify
 * leaves it out, as an optional field reads back absent). Records inferred from zod schemas are
 * of this type as they are, so no write needs a cast.
 */
export type JsonInput =
  | null
  | boolean
  | number
  | string
  | readonly JsonInput[]
  | { readonly [key: string]: JsonInput | undefined };

export interface Entry {
  key: string;
  value: JsonValue;
  /** Revision of the transaction that created the key (since its last deletion). */
  createRevision: number;
  /** Revision of the transaction that last wrote the key. */
  modRevision: number;
  /** Number of writes since creation, starting at 1. */
  version: number;
}

/** Holds when the key's current modRevision equals `modRevision`; 0 means "key absent". */
export interface Compare {
  key: string;
  modRevision: number;
}

export type Operation = { type: 'put'; key: string; value: JsonInput } | { type: 'delete'; key: string };

export interface TxnRequest {
  /** All must hold for the operations to be applied; otherwise nothing is written. */
  compare?: Compare[];
  operations: Operation[];
}

export type TxnResult =
  | { succeeded: true; revision: number }
  /** `conflicts` lists the keys whose compare failed; `revision` is the store's current one. */
  | { succeeded: false; revision: number; conflicts: string[] };

export interface Change {
  revision: number;
  type: 'put' | 'delete';
  key: string;
  /** The new value for a put; absent for a delete. */
  value?: JsonValue;
}

export interface RangeResult {
  entries: Entry[];
  /** Store revision the range was read at. */
  revision: number;
}

export interface Watch {
  cancel(): void;
}

export interface WatchHandlers {
  /** Called with the changes of one or more whole transactions, in revision order, never twice. */
  onChanges(changes: Change[]): void;
  /** Called once if the watch cannot continue (e.g. CompactedError at start); no calls follow. */
  onError(error: Error): void;
}

export interface StateStore {
  get(key: string): Promise<Entry | undefined>;
  /** Every entry whose key starts with `prefix`, sorted by key. */
  range(prefix: string): Promise<RangeResult>;
  txn(request: TxnRequest): Promise<TxnResult>;
  /** The current revision. */
  revision(): Promise<number>;
  /** History up to and including this revision has been discarded (0 when none). */
  compactedRevision(): Promise<number>;
  /**
   * Changes with revision > `afterRevision`, in order, at most `limit` whole transactions'
   * worth (a transaction is never split). Throws CompactedError when afterRevision < compactedRevision.
   */
  changesSince(afterRevision: number, limit?: number): Promise<Change[]>;
  /** Delivers every change with revision > afterRevision, then live ones as they commit. */
  watch(afterRevision: number, handlers: WatchHandlers): Watch;
  /** Discards history with revision <= `revision` (must not exceed the current revision). */
  compact(revision: number): Promise<void>;
  close(): Promise<void>;
}

/** Reading history that compaction has discarded: the reader must resync from a snapshot. */
export class CompactedError extends Error {
  readonly code = 'COMPACTED';
  constructor(
    readonly requestedRevision: number,
    readonly compactedRevision: number,
  ) {
    super(`revision ${requestedRevision} has been compacted (history kept after ${compactedRevision})`);
    this.name = 'CompactedError';
  }
}

/** A revision ahead of the store's: the reader's state came from elsewhere (another store). */
export class FutureRevisionError extends Error {
  readonly code = 'FUTURE_REVISION';
  constructor(
    readonly requestedRevision: number,
    readonly currentRevision: number,
  ) {
    super(`revision ${requestedRevision} is ahead of the store's ${currentRevision}`);
    this.name = 'FutureRevisionError';
  }
}
