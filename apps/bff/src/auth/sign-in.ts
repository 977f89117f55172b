import { UsernameSchema } from '@drivebay/api-types';
import type { AuditTrail } from '../audit/audit-trail.js';
import { currentRequest } from '../audit/request-context.js';
import { CommandError } from '../commands/errors.js';
import type { Lockout } from './lockout.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { Session, SessionBook } from './session-book.js';
import type { UserDirectory } from './user-directory.js';

const WRONG = 'wrong username or password';

/**
 * Password sign-in: lockout first, then a constant-cost check (unknown users are checked against
 * a decoy hash, so timing does not tell which usernames exist), then a new session committed with
 * the attempt's audit record.
 */
export class SignIn {
  constructor(
    private readonly users: UserDirectory,
    private readonly sessions: SessionBook,
    private readonly lockout: Lockout,
    private readonly audit: AuditTrail,
    private readonly passwordCost: number,
  ) {}

  async withPassword(
    username: string,
    password: string,
    address: string,
  ): Promise<{ cookie: string; session: Session }> {
    const context = currentRequest();
    const valid = UsernameSchema.safeParse(username).success;
    if (context) {
      context.target = valid ? `user:${username}` : 'user:(invalid name)';
    }
    await this.lockout.check(valid ? username : '', address);
    const user = valid ? await this.users.get(username) : undefined;
    const hash = user?.record.passwordHash ?? (await decoyHash(this.passwordCost));
    const matches = (await verifyPassword(password, hash)) && user?.record.passwordHash !== undefined;
    if (!user || !matches) {
      // Unknown names are counted like real ones: a lockout must not tell which accounts exist.
      await this.lockout.failed(valid ? username : undefined, address);
      throw new CommandError('UNAUTHENTICATED', WRONG);
    }
    return this.open(username, address);
  }

  /** A session for a user the identity provider vouched for (OIDC). */
  async open(username: string, address: string): Promise<{ cookie: string; session: Session }> {
    const context = currentRequest();
    if (context) context.actor = `user:${username}`;
    const { cookie, session, write } = this.sessions.open(username, address);
    const outcome = await this.audit.commit(write, 'signed in');
    if (!outcome.succeeded) throw new CommandError('ABORTED', 'sign-in raced another change; retry');
    await this.lockout.succeeded(username);
    return { cookie, session };
  }
}
