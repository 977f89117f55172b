/** Why a sign-in through the provider failed: state (unknown, replayed, other browser), expired, provider (its error), exchange (token request or checks), claims (no usable identity). */
export type OidcFailure = 'state' | 'expired' | 'provider' | 'exchange' | 'claims';

/**
 * A failed sign-in. `message` is short and safe to show on the login page; `detail` is for the
 * server log (the underlying error), and neither ever holds a token, code or secret.
 */
export class OidcLoginError extends Error {
  constructor(
    readonly reason: OidcFailure,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'OidcLoginError';
  }
}
