import { CommandError } from '../commands/errors.js';
import { setSessionCookie } from './cookies.js';
import type { OidcSignIn } from './oidc/oidc-routes.js';
import type { Security } from './security.js';

/**
 * Signs in a user the identity provider vouched for: the account is created on first sign-in and
 * its role follows the provider's groups at every sign-in (a change ends the user's other
 * sessions). A local (password) account of the same name, or an OIDC account of another subject,
 * is never taken over.
 */
export function oidcSignIn(security: Security): OidcSignIn {
  return async (req, res, { username, role, subject }) => {
    const existing = await security.users.get(username);
    if (existing && existing.record.source !== 'oidc') {
      throw new CommandError(
        'FAILED_PRECONDITION',
        `${username} is a local account; sign in with its password`,
      );
    }
    if (existing?.record.subject !== undefined && existing.record.subject !== subject) {
      throw new CommandError(
        'FAILED_PRECONDITION',
        `${username} belongs to another identity; ask an administrator`,
      );
    }
    if (!existing) await security.users.create(username, role, undefined, 'oidc', subject);
    else if (existing.record.role !== role) await security.users.update(username, { role });
    const { cookie } = await security.signIn.open(username, req.ip ?? 'unknown');
    setSessionCookie(res, cookie, security.cookies);
  };
}
