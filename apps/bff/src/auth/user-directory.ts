import type { Role, User } from '@drivebay/api-types';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { CommandError } from '../commands/errors.js';
import { deleteRecord, keyOf, putRecord } from '../state/collections.js';
import { getRecord, listRecords } from '../state/record-reads.js';
import type { UserRecord } from '../state/records.js';
import type { Operation, StateStore, TxnRequest } from '../store/types.js';
import { hashPassword } from './passwords.js';

/** What happens to a user's sessions when the user changes: the SessionBook's fenced deletes of them. */
export type RevokeSessions = (username: string) => Promise<TxnRequest>;

/**
 * Users in the store. Every change compares the user's key (so two admins editing one user
 * cannot both win) and, when it changes the role or the password, deletes the user's sessions in
 * the same transaction: a demoted or re-keyed user is signed out everywhere at once.
 */
export class UserDirectory {
  constructor(
    private readonly store: StateStore,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly revokeSessions: RevokeSessions,
    private readonly passwordCost: number,
  ) {}

  async get(username: string): Promise<{ record: UserRecord; modRevision: number } | undefined> {
    const entry = await getRecord(this.store, 'users', username);
    return entry ? { record: entry.value, modRevision: entry.modRevision } : undefined;
  }

  async list(): Promise<UserRecord[]> {
    return (await listRecords(this.store, 'users')).map((r) => r.value);
  }

  async create(
    username: string,
    role: Role,
    password: string | undefined,
    source: User['source'] = 'local',
    subject?: string,
  ) {
    const now = this.clock.now().toISOString();
    const record: UserRecord = {
      username,
      role,
      source,
      ...(password !== undefined ? { passwordHash: await hashPassword(password, this.passwordCost) } : {}),
      ...(subject !== undefined ? { subject } : {}),
      createdAt: now,
      updatedAt: now,
    };
    const outcome = await this.audit.commit({
      compare: [{ key: keyOf('users', username), modRevision: 0 }],
      operations: [put(record)],
    });
    if (!outcome.succeeded)
      throw new CommandError('ALREADY_EXISTS', `user ${username} already exists`, 'body.username');
    return record;
  }

  /** A new role and/or password; either ends the user's sessions. The last admin keeps the role. */
  async update(username: string, change: { role?: Role; password?: string }): Promise<UserRecord> {
    const current = await this.require(username);
    if (change.role && change.role !== 'admin' && current.record.role === 'admin')
      await this.keepAnAdmin(username);
    const record: UserRecord = {
      ...current.record,
      ...(change.role ? { role: change.role } : {}),
      ...(change.password !== undefined
        ? { passwordHash: await hashPassword(change.password, this.passwordCost), source: 'local' as const }
        : {}),
      updatedAt: this.clock.now().toISOString(),
    };
    const ends = change.password !== undefined || record.role !== current.record.role;
    const sessions = ends ? await this.revokeSessions(username) : { operations: [] };
    await this.commitOrConflict(username, current.modRevision, [put(record)], sessions);
    return record;
  }

  async remove(username: string): Promise<void> {
    const current = await this.require(username);
    if (current.record.role === 'admin') await this.keepAnAdmin(username);
    await this.commitOrConflict(
      username,
      current.modRevision,
      [deleteRecord('users', username)],
      await this.revokeSessions(username),
    );
  }

  private async require(username: string) {
    const found = await this.get(username);
    if (!found) throw new CommandError('NOT_FOUND', `no user ${username}`, 'params.username');
    return found;
  }

  private async keepAnAdmin(username: string): Promise<void> {
    const admins = (await this.list()).filter((u) => u.role === 'admin' && u.username !== username);
    if (admins.length === 0) {
      throw new CommandError(
        'FAILED_PRECONDITION',
        `${username} is the last admin; make another user admin first`,
      );
    }
  }

  private async commitOrConflict(
    username: string,
    modRevision: number,
    operations: Operation[],
    sessions: TxnRequest,
  ) {
    const outcome = await this.audit.commit({
      compare: [{ key: keyOf('users', username), modRevision }, ...(sessions.compare ?? [])],
      operations: [...operations, ...sessions.operations],
    });
    if (!outcome.succeeded) throw new CommandError('ABORTED', `user ${username} changed meanwhile; retry`);
  }
}

function put(record: UserRecord): Operation {
  return putRecord('users', record.username, record);
}

/** The API's view of a user: never the hash. */
export function publicUser(record: UserRecord, lockedUntil?: string): User {
  const { passwordHash: _hash, subject: _subject, ...user } = record;
  return { ...user, ...(lockedUntil ? { lockedUntil } : {}) };
}
