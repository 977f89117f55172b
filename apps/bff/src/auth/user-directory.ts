import type { Role, User } from '@drivebay/api-types';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { CommandError } from '../commands/errors.js';
import type { JsonValue, Operation, StateStore } from '../store/types.js';
import { hashPassword } from './passwords.js';
import { authKeys, type UserRecord, UserRecordSchema } from './records.js';

/** What happens to a user's sessions when the user changes: the SessionBook ends them. */
export type RevokeSessions = (username: string) => Operation[] | Promise<Operation[]>;

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
    const entry = await this.store.get(authKeys.user(username));
    return entry
      ? { record: UserRecordSchema.parse(entry.value), modRevision: entry.modRevision }
      : undefined;
  }

  async list(): Promise<UserRecord[]> {
    const { entries } = await this.store.range('users/');
    return entries.map((e) => UserRecordSchema.parse(e.value));
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
      compare: [{ key: authKeys.user(username), modRevision: 0 }],
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
    const operations = [put(record), ...(ends ? await this.revokeSessions(username) : [])];
    await this.commitOrConflict(username, current.modRevision, operations);
    return record;
  }

  async remove(username: string): Promise<void> {
    const current = await this.require(username);
    if (current.record.role === 'admin') await this.keepAnAdmin(username);
    const operations: Operation[] = [
      { type: 'delete', key: authKeys.user(username) },
      ...(await this.revokeSessions(username)),
    ];
    await this.commitOrConflict(username, current.modRevision, operations);
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

  private async commitOrConflict(username: string, modRevision: number, operations: Operation[]) {
    const outcome = await this.audit.commit({
      compare: [{ key: authKeys.user(username), modRevision }],
      operations,
    });
    if (!outcome.succeeded) throw new CommandError('ABORTED', `user ${username} changed meanwhile; retry`);
  }
}

function put(record: UserRecord): Operation {
  return { type: 'put', key: authKeys.user(record.username), value: record as unknown as JsonValue };
}

/** The API's view of a user: never the hash. */
export function publicUser(record: UserRecord, lockedUntil?: string): User {
  const { passwordHash: _hash, subject: _subject, ...user } = record;
  return { ...user, ...(lockedUntil ? { lockedUntil } : {}) };
}
