import { type LoginReason, loginPath } from '../../../shared/api/loginPath';

/**
 * Where the route guard sends a signed-out user from `path` (pathname + search + hash): back
 * to `path` after signing in, except after signing out on purpose.
 */
export function loginRedirect(path: string, reason: LoginReason | undefined): string {
  if (reason === 'signed-out') return loginPath(undefined, reason);
  return loginPath(path, reason);
}
