import type { IncomingMessage } from 'node:http';
import { badCredentials, noValidSession } from './errors.js';
import type { SessionStore } from './sessions.js';

/** Who a request is: the session its token names, or basic auth (no session). */
export interface Caller {
  sessionId: string | undefined;
}

/**
 * Authenticates a request: `X-Auth-Token` first (an expired or unknown token is a 401 even
 * if basic credentials come along, so a client learns to log in again), then HTTP basic auth.
 */
export function authenticate(req: IncomingMessage, sessions: SessionStore): Caller {
  const token = req.headers['x-auth-token'];
  if (typeof token === 'string' && token !== '') {
    const session = sessions.use(token);
    if (!session) throw noValidSession();
    return { sessionId: session.id };
  }
  const authorization = req.headers.authorization;
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0 || !sessions.verify(decoded.slice(0, colon), decoded.slice(colon + 1)))
      throw badCredentials();
    return { sessionId: undefined };
  }
  throw noValidSession();
}

/** The user name and password of a login body, or a 400 naming what is wrong with it. */
export function loginOf(body: unknown): { userName: string; password: string } | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { UserName: userName, Password: password } = body as Record<string, unknown>;
  if (typeof userName !== 'string' || typeof password !== 'string') return undefined;
  return { userName, password };
}
