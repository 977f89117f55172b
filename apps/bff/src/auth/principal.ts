import { type Role, type TokenScope, TokenScopeSchema } from '@drivebay/api-types';
import type { Response } from 'express';
import type { SessionBook } from './session-book.js';
import type { TokenBook } from './token-book.js';
import type { UserDirectory } from './user-directory.js';

/** Who a request acts as: a signed-in user (session) or an API token of a user. */
export interface Principal {
  username: string;
  role: Role;
  source: 'local' | 'oidc';
  /** A session may do all its role allows; a token only its scopes. */
  scopes: readonly TokenScope[];
  via: { kind: 'session'; digest: string } | { kind: 'token'; id: string };
  /** How events and audit records name it: "user:alice", "token:tok-… (alice)". */
  actor: string;
}

const ALL_SCOPES = TokenScopeSchema.options;

/** Finds the principal of a cookie or bearer secret, reading the user fresh (role changes apply). */
export class Authenticator {
  constructor(
    private readonly users: UserDirectory,
    readonly sessions: SessionBook,
    private readonly tokens: TokenBook,
  ) {}

  async fromSession(cookie: string): Promise<Principal | undefined> {
    const session = await this.sessions.resolve(cookie);
    if (!session) return undefined;
    const user = await this.users.get(session.record.username);
    if (!user) return undefined;
    const { username, role, source } = user.record;
    return {
      username,
      role,
      source,
      scopes: ALL_SCOPES,
      via: { kind: 'session', digest: session.digest },
      actor: `user:${username}`,
    };
  }

  async fromBearer(secret: string): Promise<Principal | undefined> {
    const token = await this.tokens.resolve(secret);
    if (!token) return undefined;
    const user = await this.users.get(token.owner);
    if (!user) return undefined;
    const { username, role, source } = user.record;
    return {
      username,
      role,
      source,
      scopes: token.scopes,
      via: { kind: 'token', id: token.id },
      actor: `token:${token.id} (${username})`,
    };
  }
}

/** The request's principal, set by the authenticate middleware. */
export function principalOf(res: Response): Principal | undefined {
  return res.locals.principal as Principal | undefined;
}

/** The principal of a route that requires one (requireAccess ran before). */
export function requirePrincipal(res: Response): Principal {
  const principal = principalOf(res);
  if (!principal) throw new Error('route without requireAccess');
  return principal;
}
