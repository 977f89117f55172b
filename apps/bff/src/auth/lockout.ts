import type { Clock } from '../clock.js';
import { CommandError } from '../commands/errors.js';
import { deleteRecord, putRecord } from '../state/collections.js';
import { getRecord, listRecords } from '../state/record-reads.js';
import type { FailureRecord } from '../state/records.js';
import type { StoreWriter } from '../state/store-writer.js';
import type { StateStore } from '../store/types.js';

/** Whose failures a counter counts, as its id in the authFailures collection. */
const accountId = (username: string) => `account/${username}`;
const addressId = (address: string) => `address/${address}`;

/** Compare-and-swap rounds before giving up on a counter under heavy contention. */
const ATTEMPTS = 10;

export interface LockoutPolicy {
  /** Consecutive failures that lock an account. */
  accountFailures: number;
  /** Failures from one address, within `windowMs`, that block it. */
  addressFailures: number;
  /** How long a lock lasts, and the address counting window. */
  lockMs: number;
}

export const defaultLockoutPolicy: LockoutPolicy = {
  accountFailures: 10,
  addressFailures: 50,
  lockMs: 15 * 60_000,
};

/**
 * Brute-force brakes on sign-in. The counters live in the store, not in memory, so that a crash
 * or restart does not reset them (Argo CD CVE-2024-21652) and every replica shares them.
 */
export class Lockout {
  constructor(
    private readonly store: Pick<StateStore, 'get'>,
    private readonly writer: StoreWriter,
    private readonly clock: Clock,
    readonly policy: LockoutPolicy,
  ) {}

  /** Throws a 429 when the account or the address is locked. */
  async check(username: string, address: string): Promise<void> {
    const now = this.clock.now().getTime();
    for (const [key, what] of [
      [accountId(username), 'this account'],
      [addressId(address), 'your address'],
    ] as const) {
      const until = (await this.read(key))?.lockedUntil;
      if (until && Date.parse(until) > now) {
        throw new CommandError(
          'RESOURCE_EXHAUSTED',
          `too many failed sign-ins: ${what} is locked until ${until}; try again then`,
          undefined,
          429,
        );
      }
    }
  }

  /** When the account is locked until, if it is. */
  async lockedUntil(username: string): Promise<string | undefined> {
    const until = (await this.read(accountId(username)))?.lockedUntil;
    return until && Date.parse(until) > this.clock.now().getTime() ? until : undefined;
  }

  /** Counts a failure against the address, and against the account when it exists. */
  async failed(username: string | undefined, address: string): Promise<void> {
    if (username) await this.bump(accountId(username), this.policy.accountFailures, false);
    await this.bump(addressId(address), this.policy.addressFailures, true);
  }

  /** A success ends the account's run of failures (the address window runs on). */
  async succeeded(username: string): Promise<void> {
    const id = accountId(username);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const entry = await getRecord(this.store, 'authFailures', id);
      if (!entry) return;
      const outcome = await this.writer.commit({
        compare: [{ key: entry.key, modRevision: entry.modRevision }],
        operations: [deleteRecord('authFailures', id)],
      });
      if (outcome.succeeded) return;
    }
  }

  /**
   * Deletes counters that no longer count: their window ran out and no lock stands. Failures
   * against names that do not exist are counted too, so without this they would pile up.
   */
  async prune(store: Pick<StateStore, 'range'>): Promise<number> {
    const now = this.clock.now().getTime();
    const stale = (await listRecords(store, 'authFailures')).filter(
      ({ value }) =>
        Date.parse(value.since) + this.policy.lockMs <= now &&
        (value.lockedUntil === undefined || Date.parse(value.lockedUntil) <= now),
    );
    for (const record of stale) {
      // A counter bumped meanwhile fails its compare and stays: it counts again.
      await this.writer.commit({
        compare: [{ key: record.key, modRevision: record.modRevision }],
        operations: [deleteRecord('authFailures', record.id)],
      });
    }
    return stale.length;
  }

  private async read(id: string): Promise<FailureRecord | undefined> {
    return (await getRecord(this.store, 'authFailures', id))?.value;
  }

  /** Compare-and-swap increment, retried: parallel failures must all count. */
  private async bump(id: string, limit: number, windowed: boolean): Promise<void> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const entry = await getRecord(this.store, 'authFailures', id);
      const now = this.clock.now();
      const current = entry?.value;
      const stale =
        !current ||
        (windowed && Date.parse(current.since) + this.policy.lockMs <= now.getTime()) ||
        (current.lockedUntil !== undefined && Date.parse(current.lockedUntil) <= now.getTime());
      const count = stale ? 1 : current.count + 1;
      const next: FailureRecord = {
        count,
        since: stale ? now.toISOString() : current.since,
        ...(count >= limit
          ? { lockedUntil: new Date(now.getTime() + this.policy.lockMs).toISOString() }
          : {}),
      };
      const write = putRecord('authFailures', id, next);
      const outcome = await this.writer.commit({
        compare: [{ key: write.key, modRevision: entry?.modRevision ?? 0 }],
        operations: [write],
      });
      if (outcome.succeeded) return;
    }
  }
}
