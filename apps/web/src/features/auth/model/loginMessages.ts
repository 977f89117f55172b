import { ApiError, errorMessage } from '../../../shared/api/apiError';
import type { LoginReason } from '../../../shared/api/loginPath';

/** The notice above the login form, by why it is shown. */
export function loginNotice(reason: LoginReason | undefined): string | undefined {
  switch (reason) {
    case undefined:
      return undefined;
    case 'expired':
      return 'Your session ended. Sign in again to continue where you were.';
    case 'signed-out':
      return 'You are signed out.';
    case 'password-changed':
      return 'Password changed; sign in again.';
  }
}

/** What a failed sign-in means for the person at the keyboard, and what to do next. */
export function loginErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return `Sign-in failed: ${errorMessage(error)}`;
  if (error.status === 401) return 'Wrong username or password. Check both and try again.';
  if (error.status === 429) {
    return `Locked out — ${error.message}. Signing in again before then keeps it locked.`;
  }
  if (error.code === 'NETWORK')
    return 'Could not reach the Drivebay server. Check that it is running, then try again.';
  if (error.code === 'INVALID_ARGUMENT') return `Check the form: ${error.message}`;
  return `Sign-in failed: ${error.message}`;
}
