import type { Role, SessionInfo } from '@drivebay/api-types';
import { roleAllows } from '@drivebay/api-types';
import type { LoginReason } from '../../../shared/api/loginPath';

/** The ['auth','me'] cache entry: who is signed in, or that nobody is and why. */
export type SessionState =
  | { readonly status: 'signed-in'; readonly info: SessionInfo }
  | { readonly status: 'signed-out'; readonly reason?: LoginReason };

export const SIGNED_OUT: SessionState = { status: 'signed-out' };

export function signedIn(info: SessionInfo): SessionState {
  return { status: 'signed-in', info };
}

/**
 * The state after the server said "not signed in": a session that was there has expired;
 * one that was already ended keeps its reason (signed out, password changed).
 */
export function endSession(
  previous: SessionState | undefined,
  reason: LoginReason = 'expired',
): SessionState {
  if (previous?.status === 'signed-out') return previous;
  if (previous?.status === 'signed-in') return { status: 'signed-out', reason };
  return SIGNED_OUT;
}

/** A fresh answer from /auth/me, read against what the console knew before. */
export function mergeSession(previous: SessionState | undefined, fetched: SessionState): SessionState {
  return fetched.status === 'signed-out' ? endSession(previous) : fetched;
}

/** Whether the signed-in user's role includes `needed`; nobody signed in can do nothing. */
export function sessionAllows(state: SessionState | undefined, needed: Role): boolean {
  return state?.status === 'signed-in' && roleAllows(state.info.user.role, needed);
}
