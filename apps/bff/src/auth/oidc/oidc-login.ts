import * as client from 'openid-client';
import type { OidcConfig } from './oidc-config.js';
import { OidcLoginError } from './oidc-error.js';
import { type Claims, claimAt, identityFromClaims, type OidcIdentity } from './oidc-identity.js';
import { MemoryPendingLogins, type PendingLogins } from './pending-logins.js';

export interface OidcLoginOptions {
  /** Where sign-ins wait for their callback; in memory unless the caller shares one across replicas. */
  pending?: PendingLogins;
  /** Epoch milliseconds; tests move it to expire sign-ins. */
  now?: () => number;
  /** client_secret_basic is the OIDC default every provider supports; some accept only client_secret_post. */
  tokenAuthMethod?: 'client_secret_basic' | 'client_secret_post';
}

/** A sign-in that is not completed within this long is refused. */
export const PENDING_LOGIN_MS = 10 * 60_000;

/** `next` only ever leads back into Drivebay: "/x" but not "//host" or "/\host" (browsers read both as another host). */
export function safeNext(next: string | undefined): string {
  if (!next || next.length > 2048 || !next.startsWith('/') || next.startsWith('//')) return '/';
  // Browsers read a backslash as "/" and drop tabs and newlines, so "/<backslash>evil" or "/<tab>/evil" leave the site too.
  const unsafe = [...next].some((char) => char === '\\' || char.charCodeAt(0) < 0x20 || char === '\u007f');
  return unsafe ? '/' : next;
}

/** The authorization code flow with PKCE (S256), state and nonce, through openid-client. */
export class OidcLogin {
  private constructor(
    readonly config: OidcConfig,
    private readonly client: client.Configuration,
    private readonly pending: PendingLogins,
    private readonly now: () => number,
  ) {}

  /** Reads the provider's metadata; fails when the issuer cannot be reached or does not match. */
  static async discover(config: OidcConfig, options: OidcLoginOptions = {}): Promise<OidcLogin> {
    const secret = config.clientSecret;
    const auth =
      secret === undefined
        ? client.None()
        : options.tokenAuthMethod === 'client_secret_post'
          ? client.ClientSecretPost(secret)
          : client.ClientSecretBasic(secret);
    // The config admits http:// only for loopback issuers, so this never relaxes a real deployment.
    const insecure = new URL(config.issuer).protocol === 'http:';
    const configuration = await client.discovery(new URL(config.issuer), config.clientId, undefined, auth, {
      timeout: 10,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
    const now = options.now ?? Date.now;
    return new OidcLogin(config, configuration, options.pending ?? new MemoryPendingLogins(10_000, now), now);
  }

  /** Starts a sign-in: the provider URL to redirect to, and the state to bind to this browser. */
  async begin(next: string): Promise<{ redirectUrl: string; state: string }> {
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await this.pending.put(state, {
      codeVerifier,
      nonce,
      next: safeNext(next),
      expiresAt: this.now() + PENDING_LOGIN_MS,
    });
    const url = client.buildAuthorizationUrl(this.client, {
      redirect_uri: this.config.redirectUrl,
      scope: this.config.scopes.join(' '),
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { redirectUrl: url.href, state };
  }

  /** Completes a sign-in from the callback URL's parameters; each state completes at most once. */
  async complete(callbackUrl: URL): Promise<{ identity: OidcIdentity; next: string }> {
    const params = callbackUrl.searchParams;
    const state = params.get('state');
    const pending = state ? await this.pending.take(state) : undefined;
    if (!state || !pending) {
      throw new OidcLoginError('state', 'this sign-in is unknown or was already used; sign in again');
    }
    if (pending.expiresAt <= this.now()) {
      throw new OidcLoginError('expired', 'the sign-in took longer than 10 minutes; sign in again');
    }
    const error = params.get('error');
    if (error !== null) {
      const code = error.replace(/[^\w.-]/g, '').slice(0, 64) || 'error';
      const description = params.get('error_description')?.slice(0, 200);
      throw new OidcLoginError(
        'provider',
        `the identity provider refused the sign-in (${code})`,
        description,
      );
    }
    // redirect_uri must equal the registered one: rebuild it from config, never from the request's Host.
    const current = new URL(this.config.redirectUrl);
    current.search = callbackUrl.search;
    const claims = await this.exchange(current, state, pending.codeVerifier, pending.nonce);
    return { identity: identityFromClaims(claims, this.config), next: pending.next };
  }

  /** Redeems the code and returns verified claims; tokens stay in here and are dropped. */
  private async exchange(current: URL, state: string, codeVerifier: string, nonce: string): Promise<Claims> {
    try {
      const tokens = await client.authorizationCodeGrant(this.client, current, {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      // Many providers leave groups out of the ID token (size limits) but put them in userinfo.
      if (
        claimAt(claims, this.config.groupsClaim) !== undefined ||
        !this.client.serverMetadata().userinfo_endpoint
      ) {
        return claims;
      }
      const userinfo = await client.fetchUserInfo(this.client, tokens.access_token, claims.sub);
      return { ...userinfo, ...claims };
    } catch (error) {
      throw new OidcLoginError(
        'exchange',
        'the identity provider did not confirm the sign-in',
        describe(error),
      );
    }
  }
}

/** The log line of a failed exchange: the OAuth error and status, never a response body or token. */
function describe(error: unknown): string {
  if (error instanceof client.ResponseBodyError) {
    return `${error.error} (HTTP ${error.status})${error.error_description ? `: ${error.error_description}` : ''}`;
  }
  if (error instanceof client.WWWAuthenticateChallengeError) {
    const challenge = error.cause[0];
    const reason = challenge?.parameters.error ? ` (${challenge.parameters.error})` : '';
    // A 401 at the token endpoint is the provider rejecting our client credentials.
    const hint = error.status === 401 ? '; check OIDC_CLIENT_ID and OIDC_CLIENT_SECRET' : '';
    return `HTTP ${error.status} with a ${challenge?.scheme ?? 'unknown'} challenge${reason}${hint}`;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
