import type { Clock } from '../clock.js';
import { CommandError } from '../commands/errors.js';
import type { JsonValue, StateStore } from '../store/types.js';
import { authKeys, type FailureRecord, FailureRecordSchema } from './records.js';

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
    private readonly store: StateStore,
    private readonly clock: Clock,
    readonly policy: LockoutPolicy,
  ) {}

  /** Throws a 429 when the account or the address is locked. */
  async check(username: string, address: string): Promise<void> {
    const now = this.clock.now().getTime();
    for (const [key, what] of [
      [authKeys.accountFailures(username), 'this account'],
      [authKeys.addressFailures(address), 'your address'],
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
    const until = (await this.read(authKeys.accountFailures(username)))?.lockedUntil;
    return until && Date.parse(until) > this.clock.now().getTime() ? until : undefined;
  }

  /** Counts a failure against the address, and against the account when it exists. */
  async failed(username: string | undefined, address: string): Promise<void> {
    if (username) await this.bump(authKeys.accountFailures(username), this.policy.accountFailures, false);
    await this.bump(authKeys.addressFailures(address), this.policy.addressFailures, true);
  }

  /** A success ends the account's run of failures (the address window runs on). */
  async succeeded(username: string): Promise<void> {
    await this.store.txn({ operations: [{ type: 'delete', key: authKeys.accountFailures(username) }] });
  }

  /** Admin unlock: a password reset clears the account's failures. */
  clearOperation(username: string) {
    return { type: 'delete' as const, key: authKeys.accountFailures(username) };
  }

  private async read(key: string): Promise<FailureRecord | undefined> {
    const entry = await this.store.get(key);
    return entry ? FailureRecordSchema.parse(entry.value) : undefined;
  }

  /** Compare-and-swap increment, retried: parallel failures must all count. */
  private async bump(key: string, limit: number, windowed: boolean): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const entry = await this.store.get(key);
      const now = this.clock.now();
      const current = entry ? FailureRecordSchema.parse(entry.value) : undefined;
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
      const outcome = await this.store.txn({
        compare: [{ key, modRevision: entry?.modRevision ?? 0 }],
        operations: [{ type: 'put', key, value: next as unknown as JsonValue }],
      });
      if (outcome.succeeded) return;
    }
  }
}
