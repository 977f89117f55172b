import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response } from 'express';

/** Cookie settings; under HTTPS the name gets the __Host- prefix (Secure, Path=/, no Domain). */
export interface CookiePolicy {
  secure: boolean;
  /** The absolute session limit, as the cookie's Max-Age. */
  maxAgeSeconds: number;
}

export function sessionCookieName(policy: Pick<CookiePolicy, 'secure'>): string {
  return policy.secure ? '__Host-drivebay_session' : 'drivebay_session';
}

/** The session cookie value of a request or socket handshake, if any. */
export function sessionCookieOf(
  header: string | undefined,
  policy: Pick<CookiePolicy, 'secure'>,
): string | undefined {
  if (!header) return undefined;
  try {
    return parseCookie(header)[sessionCookieName(policy)] || undefined;
  } catch {
    return undefined;
  }
}

export function setSessionCookie(res: Response, value: string, policy: CookiePolicy): void {
  res.append(
    'Set-Cookie',
    stringifySetCookie(sessionCookieName(policy), value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: policy.secure,
      path: '/',
      maxAge: policy.maxAgeSeconds,
    }),
  );
}

export function clearSessionCookie(res: Response, policy: CookiePolicy): void {
  res.append(
    'Set-Cookie',
    stringifySetCookie(sessionCookieName(policy), '', {
      httpOnly: true,
      sameSite: 'strict',
      secure: policy.secure,
      path: '/',
      maxAge: 0,
    }),
  );
}

/** The bearer secret of an Authorization header, if it has one. */
export function bearerOf(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}
