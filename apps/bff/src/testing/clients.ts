import type { Role } from '@drivebay/api-types';
import { CSRF_HEADER, CSRF_VALUE } from '../auth/csrf.js';

/** A signed-in HTTP client of a test app: its session cookie and the console's CSRF header on every request. */
export interface Client {
  readonly username: string;
  readonly url: string;
  /** "drivebay_session=…", for sockets and hand-made requests. */
  readonly cookie: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** The test users every test app has; passwords are long enough for the 12-character rule. */
export const testUsers: Record<Role, { username: string; password: string }> = {
  viewer: { username: 'vera', password: 'viewer-password-1' },
  operator: { username: 'otto', password: 'operator-password-1' },
  admin: { username: 'ada', password: 'admin-password-1' },
};

/** Signs in through POST /api/v1/auth/login, as the console does. */
export async function signIn(url: string, username: string, password: string): Promise<Client> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return clientWithCookie(url, username, cookie);
}

export function clientWithCookie(url: string, username: string, cookie: string): Client {
  return {
    username,
    url,
    cookie,
    fetch: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      if (!headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, CSRF_VALUE);
      return fetch(`${url}${path}`, { ...init, headers });
    },
  };
}
