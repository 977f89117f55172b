import type { IncomingMessage } from 'node:http';
import { scopesAllow } from '@drivebay/api-types';
import type { Socket } from 'socket.io';
import type { StoreMirror } from '../state/mirror.js';
import { type CookiePolicy, sessionCookieOf } from './cookies.js';
import type { Authenticator, Principal } from './principal.js';

/**
 * socket.io's io.use(): the handshake authenticates from the same session cookie as HTTP (or a
 * bearer token in `auth.token`). Every reconnection is a new handshake, so it runs again.
 */
export function socketAuth(authenticator: Authenticator, cookies: CookiePolicy, sockets: SocketSessions) {
  return async (socket: Socket, next: (error?: Error) => void) => {
    try {
      const token: unknown = socket.handshake.auth?.token;
      const cookie = sessionCookieOf(socket.handshake.headers.cookie, cookies);
      const principal =
        typeof token === 'string'
          ? await authenticator.fromBearer(token)
          : cookie
            ? await authenticator.fromSession(cookie)
            : undefined;
      if (!principal) return next(new Error('UNAUTHENTICATED: sign in first'));
      if (!scopesAllow(principal.scopes, 'read'))
        return next(new Error('PERMISSION_DENIED: read scope needed'));
      socket.data.principal = principal;
      // Rooms by role: what only some roles may see is sent to their room alone.
      await socket.join(`role:${principal.role}`);
      sockets.add(socket, principal);
      next();
    } catch {
      next(new Error('UNAVAILABLE: could not check the session; retry'));
    }
  };
}

/** engine.io's allowRequest: a browser's WebSocket must come from an allowed origin. */
export function socketOriginCheck(allowed: (origin: string, host: string | undefined) => boolean) {
  return (req: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => {
    const origin = req.headers.origin;
    // Non-browser clients send no Origin; browsers always do, and cross-site ones are refused.
    callback(null, origin === undefined || allowed(origin, req.headers.host));
  };
}

/**
 * Open sockets by the session or token they authenticated with, so that a sign-out, a password
 * or role change (which delete the user's sessions) or a revoked token closes them at once: the
 * store's change feed tells every replica within milliseconds. A sweep catches sessions that
 * merely expired.
 */
export class SocketSessions {
  private readonly open = new Map<Socket, Principal>();

  constructor(private readonly stillValid: (principal: Principal) => Promise<boolean>) {}

  add(socket: Socket, principal: Principal): void {
    this.open.set(socket, principal);
    socket.once('disconnect', () => this.open.delete(socket));
  }

  get size(): number {
    return this.open.size;
  }

  /** Follows the mirror: session deletes, user deletes or role changes, and token revocations close sockets. */
  follow(mirror: StoreMirror): void {
    const close = (match: (p: Principal) => boolean) => {
      for (const [socket, principal] of this.open) if (match(principal)) socket.disconnect(true);
    };
    mirror.follow('sessions', (change) => {
      if (change.type === 'delete') close((p) => p.via.kind === 'session' && p.via.digest === change.id);
    });
    mirror.follow('users', (change) => {
      const role = change.type === 'put' ? change.value.role : undefined;
      close((p) => p.username === change.id && (change.type === 'delete' || role !== p.role));
    });
    mirror.follow('tokens', (change) => {
      const revoked = change.type === 'delete' || change.value.revokedAt !== undefined;
      if (revoked) close((p) => p.via.kind === 'token' && p.via.id === change.id);
    });
  }

  /** Closes sockets whose session or token has expired meanwhile. */
  async sweep(): Promise<void> {
    for (const [socket, principal] of [...this.open]) {
      if (!(await this.stillValid(principal))) socket.disconnect(true);
    }
  }
}
