import {
  type AuthConfig,
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  type SessionInfo,
} from '@drivebay/api-types';
import type { Response, Router } from 'express';
import type { AuditTrail } from '../../audit/audit-trail.js';
import { currentRequest } from '../../audit/request-context.js';
import type { AccessTable } from '../../auth/access.js';
import { type CookiePolicy, clearSessionCookie, setSessionCookie } from '../../auth/cookies.js';
import { verifyPassword } from '../../auth/passwords.js';
import { requirePrincipal } from '../../auth/principal.js';
import type { Session, SessionBook } from '../../auth/session-book.js';
import type { SignIn } from '../../auth/sign-in.js';
import type { UserDirectory } from '../../auth/user-directory.js';
import { CommandError } from '../../commands/errors.js';
import { parseInput } from '../parse.js';

export interface AuthRouteDeps {
  signIn: SignIn;
  sessions: SessionBook;
  users: UserDirectory;
  audit: AuditTrail;
  cookies: CookiePolicy;
  /** Read at each request: whether the first admin's password file is still there changes. */
  config: () => AuthConfig;
}

/** Sign-in, sign-out, who am I, and changing one's own password. */
export function authRoutes(table: AccessTable, deps: AuthRouteDeps): Router {
  const routes = table.router();
  const info = (
    username: string,
    role: SessionInfo['user']['role'],
    source: SessionInfo['user']['source'],
    session: Session,
  ): SessionInfo => ({
    user: { username, role, source },
    expiresAt: session.record.expiresAt,
    idleTimeoutSeconds: deps.sessions.idleTimeoutSeconds(),
  });

  routes.get('/auth/config', 'public', (_req, res) => {
    res.json(deps.config());
  });
  routes.post('/auth/login', 'public', async (req, res) => {
    const { username, password } = parseInput(LoginRequestSchema, req.body, 'body');
    const { cookie, session } = await deps.signIn.withPassword(username, password, req.ip ?? 'unknown');
    const user = await deps.users.get(username);
    if (!user) throw new CommandError('UNAUTHENTICATED', 'wrong username or password');
    setSessionCookie(res, cookie, deps.cookies);
    res.json(info(username, user.record.role, user.record.source, session));
  });
  routes.get('/auth/me', 'viewer', async (_req, res) => {
    const principal = requirePrincipal(res);
    if (principal.via.kind !== 'session') {
      res.json({
        user: { username: principal.username, role: principal.role, source: principal.source },
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        idleTimeoutSeconds: deps.sessions.idleTimeoutSeconds(),
      } satisfies SessionInfo);
      return;
    }
    const session = await deps.sessions.lookup(principal.via.digest);
    if (!session) throw new CommandError('UNAUTHENTICATED', 'the session has ended; sign in again');
    res.json(info(principal.username, principal.role, principal.source, session));
  });
  routes.post('/auth/logout', 'viewer', async (_req, res) => {
    await endSession(res, deps);
    res.status(204).end();
  });
  routes.post('/auth/password', 'viewer', async (req, res) => {
    const principal = requirePrincipal(res);
    const body = parseInput(ChangePasswordRequestSchema, req.body, 'body');
    const user = await deps.users.get(principal.username);
    if (
      !user?.record.passwordHash ||
      !(await verifyPassword(body.currentPassword, user.record.passwordHash))
    ) {
      throw new CommandError(
        'INVALID_ARGUMENT',
        'body.currentPassword: is not your current password',
        'body.currentPassword',
      );
    }
    // Ends every session of the user, this one included: sign in again with the new password.
    await deps.users.update(principal.username, { password: body.newPassword });
    clearSessionCookie(res, deps.cookies);
    res.status(204).end();
  });
  return routes.router;
}

async function endSession(res: Response, deps: AuthRouteDeps): Promise<void> {
  const principal = requirePrincipal(res);
  clearSessionCookie(res, deps.cookies);
  if (principal.via.kind !== 'session') return;
  const context = currentRequest();
  const write = await deps.sessions.closeOne(principal.via.digest);
  await deps.audit.commit(write, context ? 'signed out' : undefined);
}
