import {
  AuthConfigSchema,
  type ChangePasswordRequest,
  type LoginRequest,
  SessionInfoSchema,
} from '@drivebay/api-types';
import { ApiError } from '../../../shared/api/apiError';
import { getJson } from '../../../shared/api/getJson';
import { sendJson } from '../../../shared/api/sendJson';
import { type SessionState, SIGNED_OUT, signedIn } from '../model/sessionState';

export const AUTH_PATH = '/api/v1/auth';

/** Who is signed in; a 401 here is an answer ("nobody"), not an ended session to report. */
export async function fetchSession(signal?: AbortSignal): Promise<SessionState> {
  try {
    return signedIn(
      await getJson(`${AUTH_PATH}/me`, SessionInfoSchema, signal, { reportUnauthorized: false }),
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return SIGNED_OUT;
    throw error;
  }
}

/** What the login page offers (public). */
export function fetchAuthConfig(signal?: AbortSignal) {
  return getJson(`${AUTH_PATH}/config`, AuthConfigSchema, signal, { reportUnauthorized: false });
}

/** Signs in; the server sets the session cookie. A 401 is a wrong password, a 429 a lockout. */
export function login(request: LoginRequest) {
  return sendJson('POST', `${AUTH_PATH}/login`, request, {
    schema: SessionInfoSchema,
    reportUnauthorized: false,
  });
}

/** Ends this session. Already ended (401) counts as done. */
export async function logout(): Promise<void> {
  try {
    await sendJson('POST', `${AUTH_PATH}/logout`, undefined, { reportUnauthorized: false });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    throw error;
  }
}

/** Changes the caller's password; the server ends all of the user's sessions. */
export function changePassword(request: ChangePasswordRequest): Promise<void> {
  // A 401 here means "current password wrong" as much as "session ended"; the form shows it.
  return sendJson('POST', `${AUTH_PATH}/password`, request, { reportUnauthorized: false });
}

/** Where the identity provider's sign-in starts; it comes back to `next`. */
export function oidcLoginHref(next: string): string {
  return `${AUTH_PATH}/oidc/login?${new URLSearchParams({ next })}`;
}
