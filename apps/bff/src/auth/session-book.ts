import type { Clock } from '../clock.js';
import { deleteRecord, keyOf, putRecord } from '../state/collections.js';
import { getRecord, listRecords } from '../state/record-reads.js';
import type { SessionRecord } from '../state/records.js';
import type { StoreWriter } from '../state/store-writer.js';
import type { StateStore, TxnRequest } from '../store/types.js';
import { digestOf, randomSecret } from './digest.js';

export interface SessionPolicy {
  /** Ends a session after this long without a request. */
  idleMs: number;
  /** Ends a session this long after sign-in, whatever the activity. */
  absoluteMs: number;
}

/** Activity is written back at most this often: a busy console is not a stream of writes. */
const TOUCH_EVERY_MS = 60_000;

/** A live session: its store digest (never the cookie value), record, and the revision it was read at. */
export interface Session {
  digest: string;
  record: SessionRecord;
  modRevision: number;
}

/**
 * Sessions in the store, so that every replica sees a sign-out at once and a restart keeps
 * them. The cookie holds a random secret; the store holds only its SHA-256.
 */
export class SessionBook {
  constructor(
    private readonly store: Pick<StateStore, 'get' | 'range'>,
    private readonly writer: StoreWriter,
    private readonly clock: Clock,
    readonly policy: SessionPolicy,
  ) {}

  /** A new session: the cookie value to hand out, and the write that stores it (under a digest nobody holds yet). */
  open(username: string, address: string): { cookie: string; session: Session; write: TxnRequest } {
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
    const write: TxnRequest = {
      compare: [{ key: keyOf('sessions', digest), modRevision: 0 }],
      operations: [putRecord('sessions', digest, record)],
    };
    // Its revision is known once `write` commits; nothing reads it before the next request.
    return { cookie, session: { digest, record, modRevision: 0 }, write };
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
      // Losing the race to another touch (or a sign-out) is fine: the other write stands.
      const outcome = await this.writer.commit({
        compare: [{ key: keyOf('sessions', digest), modRevision: session.modRevision }],
        operations: [putRecord('sessions', digest, record)],
      });
      return { digest, record, modRevision: outcome.succeeded ? outcome.revision : session.modRevision };
    }
    return session;
  }

  /** The session under a digest if still live; expired ones are deleted on sight. */
  async lookup(digest: string): Promise<Session | undefined> {
    const entry = await getRecord(this.store, 'sessions', digest);
    if (!entry) return undefined;
    const record = entry.value;
    if (this.expired(record)) {
      await this.writer.commit({
        compare: [{ key: entry.key, modRevision: entry.modRevision }],
        operations: [deleteRecord('sessions', digest)],
      });
      return undefined;
    }
    return { digest, record, modRevision: entry.modRevision };
  }

  expired(record: SessionRecord): boolean {
    const now = this.clock.now().getTime();
    return Date.parse(record.expiresAt) <= now || Date.parse(record.lastSeenAt) + this.policy.idleMs <= now;
  }

  /** The deletes of every session of `username`, each fenced by its revision: part of a sign-out-everywhere transaction. */
  async closeAllOf(username: string): Promise<TxnRequest> {
    const theirs = (await listRecords(this.store, 'sessions')).filter((r) => r.value.username === username);
    return {
      compare: theirs.map((r) => ({ key: r.key, modRevision: r.modRevision })),
      operations: theirs.map((r) => deleteRecord('sessions', r.id)),
    };
  }

  /** The delete of one session (signing out), fenced by its revision; nothing when it is gone already. */
  async closeOne(digest: string): Promise<TxnRequest> {
    const entry = await getRecord(this.store, 'sessions', digest);
    if (!entry) return { operations: [] };
    return {
      compare: [{ key: entry.key, modRevision: entry.modRevision }],
      operations: [deleteRecord('sessions', digest)],
    };
  }

  /** When the session ends if idle from now on: what `me` reports. */
  idleTimeoutSeconds(): number {
    return Math.round(this.policy.idleMs / 1000);
  }
}
