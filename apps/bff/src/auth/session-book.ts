import type { Clock } from '../clock.js';
import type { JsonValue, Operation, StateStore } from '../store/types.js';
import { digestOf, randomSecret } from './digest.js';
import { authKeys, type SessionRecord, SessionRecordSchema } from './records.js';

export interface SessionPolicy {
  /** Ends a session after this long without a request. */
  idleMs: number;
  /** Ends a session this long after sign-in, whatever the activity. */
  absoluteMs: number;
}

/** Activity is written back at most this often: a busy console is not a stream of writes. */
const TOUCH_EVERY_MS = 60_000;

/** A live session: its store digest (never the cookie value) and record. */
export interface Session {
  digest: string;
  record: SessionRecord;
}

/**
 * Sessions in the store, so that every replica sees a sign-out at once and a restart keeps
 * them. The cookie holds a random secret; the store holds only its SHA-256.
 */
export class SessionBook {
  constructor(
    private readonly store: StateStore,
    private readonly clock: Clock,
    readonly policy: SessionPolicy,
  ) {}

  /** A new session: the cookie value to hand out, and the put that stores it. */
  open(username: string, address: string): { cookie: string; session: Session; operation: Operation } {
    const cookie = randomSecret();
    const now = this.clock.now();
    const record: SessionRecord = {
      username,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.policy.absoluteMs).toISOString(),
      address,
    };
    const digest = digestOf(cookie);
    const operation: Operation = {
      type: 'put',
      key: authKeys.session(digest),
      value: record as unknown as JsonValue,
    };
    return { cookie, session: { digest, record }, operation };
  }

  /** The live session a cookie names, touched; undefined when unknown, idle too long or past its limit. */
  async resolve(cookie: string): Promise<Session | undefined> {
    if (cookie.length === 0 || cookie.length > 100) return undefined;
    const digest = digestOf(cookie);
    const session = await this.lookup(digest);
    if (!session) return undefined;
    const now = this.clock.now().getTime();
    if (Date.parse(session.record.lastSeenAt) + TOUCH_EVERY_MS < now) {
      const record = { ...session.record, lastSeenAt: new Date(now).toISOString() };
      await this.store.txn({
        operations: [{ type: 'put', key: authKeys.session(digest), value: record as unknown as JsonValue }],
      });
      return { digest, record };
    }
    return session;
  }

  /** The session under a digest if still live; expired ones are deleted on sight. */
  async lookup(digest: string): Promise<Session | undefined> {
    const entry = await this.store.get(authKeys.session(digest));
    if (!entry) return undefined;
    const record = SessionRecordSchema.parse(entry.value);
    if (this.expired(record)) {
      await this.store.txn({ operations: [{ type: 'delete', key: authKeys.session(digest) }] });
      return undefined;
    }
    return { digest, record };
  }

  expired(record: SessionRecord): boolean {
    const now = this.clock.now().getTime();
    return Date.parse(record.expiresAt) <= now || Date.parse(record.lastSeenAt) + this.policy.idleMs <= now;
  }

  /** Deletes of every session of `username`: part of a sign-out-everywhere transaction. */
  async closeAllOf(username: string): Promise<Operation[]> {
    const { entries } = await this.store.range('sessions/');
    return entries
      .filter((e) => SessionRecordSchema.parse(e.value).username === username)
      .map((e) => ({ type: 'delete', key: e.key }));
  }

  /** When the session ends if idle from now on: what `me` reports. */
  idleTimeoutSeconds(): number {
    return Math.round(this.policy.idleMs / 1000);
  }
}
