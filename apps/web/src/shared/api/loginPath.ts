/** Why the login page is shown, for its notice. */
export type LoginReason = 'expired' | 'signed-out' | 'password-changed';

const REASONS: readonly LoginReason[] = ['expired', 'signed-out', 'password-changed'];

/**
 * `next` if it is a path in this app, else "/". Only same-origin absolute paths pass, so a
 * crafted link cannot bounce a fresh sign-in to another site ("//evil", "https://…", "/\evil").
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (isLoginPath(next)) return '/';
  return next;
}

/** "/login?next=%2Fvolumes%3Fhealth%3Dfailed&reason=expired": where a signed-out user goes. */
export function loginPath(next?: string, reason?: LoginReason): string {
  const params = new URLSearchParams();
  const target = safeNext(next);
  if (target !== '/') params.set('next', target);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}

/** The reason in a login URL, if it is one we know. */
export function parseLoginReason(value: string | null): LoginReason | undefined {
  return REASONS.find((reason) => reason === value);
}

function isLoginPath(path: string): boolean {
  return (
    path === '/login' ||
    path.startsWith('/login?') ||
    path.startsWith('/login/') ||
    path.startsWith('/login#')
  );
}
