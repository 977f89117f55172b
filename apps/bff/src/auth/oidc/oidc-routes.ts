import type { Role } from '@drivebay/api-types';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response, Router } from 'express';
import { CommandError } from '../../commands/errors.js';
import type { Logger } from '../../log.js';
import { AccessTable } from '../access.js';
import { OidcLoginError } from './oidc-error.js';
import type { OidcIdentity } from './oidc-identity.js';
import { type OidcLogin, PENDING_LOGIN_MS } from './oidc-login.js';

/**
 * Starts the user's session (sets the cookie); a CommandError it throws is shown on the login page.
 * Called only for identities whose groups grant a role.
 */
export type OidcSignIn = (
  req: Request,
  res: Response,
  identity: OidcIdentity & { role: Role },
) => Promise<void>;

const NO_ACCESS = 'you signed in, but none of your groups grants access to Drivebay; ask an administrator';

/**
 * GET /auth/oidc/login?next=/path redirects to the provider; GET /auth/oidc/callback completes the
 * sign-in and redirects to `next`, or to /login?error=… saying what went wrong. Mount under /api/v1.
 */
export function oidcRoutes(
  login: OidcLogin,
  signIn: OidcSignIn,
  log?: Logger,
  table: AccessTable = new AccessTable('/api/v1'),
): Router {
  const binding = stateBinding(new URL(login.config.redirectUrl).protocol === 'https:');
  const routes = table.router();

  routes.get('/auth/oidc/login', 'public', async (req, res) => {
    const { redirectUrl, state } = await login.begin(
      typeof req.query.next === 'string' ? req.query.next : '/',
    );
    binding.set(res, state);
    res.set('Cache-Control', 'no-store').redirect(302, redirectUrl);
  });

  routes.get('/auth/oidc/callback', 'public', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    binding.clear(res);
    const fail = (message: string) => res.redirect(302, `/login?error=${encodeURIComponent(message)}`);
    let outcome: Awaited<ReturnType<OidcLogin['complete']>>;
    try {
      const callbackUrl = new URL(req.originalUrl, login.config.redirectUrl);
      // Login CSRF: a callback is only accepted in the browser that started the sign-in.
      const state = callbackUrl.searchParams.get('state');
      if (!state || binding.of(req) !== state) {
        throw new OidcLoginError(
          'state',
          'this sign-in was started in another browser or tab; sign in again',
        );
      }
      outcome = await login.complete(callbackUrl);
    } catch (error) {
      if (!(error instanceof OidcLoginError)) throw error;
      log?.warn('oidc sign-in failed', {
        reason: error.reason,
        message: error.message,
        detail: error.detail,
      });
      fail(error.message);
      return;
    }
    const { identity, next } = outcome;
    const { role } = identity;
    if (role === null) {
      // The groups help the administrator write OIDC_ROLE_MAP; they are not secret.
      log?.warn('oidc sign-in without access', { username: identity.username, groups: identity.groups });
      fail(NO_ACCESS);
      return;
    }
    try {
      await signIn(req, res, { ...identity, role });
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      fail(error.message);
      return;
    }
    log?.info('oidc sign-in', { username: identity.username, role });
    res.redirect(302, next);
  });
  return routes.router;
}

/**
 * A short-lived cookie holding the state. SameSite=Lax, because the provider's redirect back is a
 * cross-site navigation; __Host- under HTTPS, so a sibling subdomain cannot plant one.
 */
function stateBinding(secure: boolean) {
  const name = secure ? '__Host-drivebay_oidc_state' : 'drivebay_oidc_state';
  const cookie = (value: string, maxAge: number) =>
    stringifySetCookie(name, value, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge });
  return {
    set: (res: Response, state: string) => res.append('Set-Cookie', cookie(state, PENDING_LOGIN_MS / 1000)),
    clear: (res: Response) => res.append('Set-Cookie', cookie('', 0)),
    of(req: Request): string | undefined {
      try {
        return parseCookie(req.get('cookie') ?? '')[name] || undefined;
      } catch {
        return undefined;
      }
    },
  };
}
