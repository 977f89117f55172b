import type { RequestHandler } from 'express';
import { auditMutations } from '../audit/audit-middleware.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { StoreMirror } from '../state/mirror.js';
import type { StoreWriter } from '../state/store-writer.js';
import type { StateStore } from '../store/types.js';
import { AccessTable } from './access.js';
import { authenticate } from './authenticate.js';
import type { CookiePolicy } from './cookies.js';
import { csrfGuard, originsFor } from './csrf.js';
import { defaultLockoutPolicy, Lockout, type LockoutPolicy } from './lockout.js';
import { DEFAULT_PASSWORD_COST } from './passwords.js';
import { Authenticator } from './principal.js';
import { SessionBook, type SessionPolicy } from './session-book.js';
import { SignIn } from './sign-in.js';
import { SocketSessions } from './socket-auth.js';
import { TokenBook } from './token-book.js';
import { UserDirectory } from './user-directory.js';

export interface SecurityOptions {
  /** Served over HTTPS: Secure cookies with the __Host- prefix, HSTS. */
  secure: boolean;
  /** Origins besides the console's own allowed to send mutations and open sockets. */
  allowedOrigins: readonly string[];
  session: SessionPolicy;
  lockout: LockoutPolicy;
  /** scrypt N; tests lower it. */
  passwordCost: number;
}

export const defaultSecurityOptions: SecurityOptions = {
  secure: false,
  allowedOrigins: [],
  session: { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 },
  lockout: defaultLockoutPolicy,
  passwordCost: DEFAULT_PASSWORD_COST,
};

/** Everything auth: the stores of users, sessions and tokens, the middleware chain, the access table. */
export function createSecurity(
  store: StateStore,
  writer: StoreWriter,
  audit: AuditTrail,
  mirror: StoreMirror,
  clock: Clock,
  options: SecurityOptions,
  log: Logger,
) {
  const sessions = new SessionBook(store, writer, clock, options.session);
  const users = new UserDirectory(store, audit, clock, (u) => sessions.closeAllOf(u), options.passwordCost);
  const tokens = new TokenBook(store, audit, clock);
  const lockout = new Lockout(store, writer, clock, options.lockout);
  const signIn = new SignIn(users, sessions, lockout, audit, options.passwordCost);
  const authenticator = new Authenticator(users, sessions, tokens);
  const cookies: CookiePolicy = {
    secure: options.secure,
    maxAgeSeconds: Math.round(options.session.absoluteMs / 1000),
  };
  const origins = originsFor(options.allowedOrigins, options.secure);
  const sockets = new SocketSessions(async (principal) =>
    principal.via.kind === 'session'
      ? (await sessions.lookup(principal.via.digest)) !== undefined
      : await tokens.isLive(principal.via.id),
  );
  sockets.follow(mirror);
  const table = new AccessTable('/api/v1');

  /** Runs before every API route: who is asking, the audit context, the CSRF check. */
  const chain: RequestHandler[] = [
    authenticate(authenticator, cookies),
    auditMutations(audit, log),
    csrfGuard(origins),
  ];

  return {
    audit,
    sessions,
    users,
    tokens,
    lockout,
    signIn,
    authenticator,
    cookies,
    sockets,
    table,
    chain,
    /** Whether a WebSocket from `origin` may connect to a server reached as `host`. */
    originAllowed: (origin: string, host: string | undefined) =>
      origin === `${options.secure ? 'https' : 'http'}://${host}` || options.allowedOrigins.includes(origin),
  };
}

export type Security = ReturnType<typeof createSecurity>;
