import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKey, randomToken, s256, signJwt } from './issuer-crypto.js';
import { clientAuthenticated, discoveryDocument, json, readBody, registered, text } from './issuer-http.js';

export interface SimulatedUser {
  sub: string;
  username: string;
  groups: string[];
  email?: string;
}

export interface SimulatedIssuerOptions {
  users: SimulatedUser[];
  clientId: string;
  /** Undefined: a public client, authenticated by PKCE alone. */
  clientSecret?: string;
  /** Redirect URIs registered for the client; any http(s) URL when absent. */
  redirectUris?: string[];
  /** False: groups only in userinfo, as providers do when the ID token would grow too big. */
  groupsInIdToken?: boolean;
}

export interface SimulatedIssuer {
  issuer: string;
  /** Who the next /authorize approves (the first user until then). */
  setUser(sub: string): void;
  stop(): Promise<void>;
}

interface Grant {
  user: SimulatedUser;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | null;
  expiresAt: number;
}

/** A real OpenID provider on loopback HTTP that approves every sign-in as the current user. */
export async function startSimulatedIssuer(options: SimulatedIssuerOptions): Promise<SimulatedIssuer> {
  const key = generateSigningKey();
  const grants = new Map<string, Grant>();
  const accessTokens = new Map<string, SimulatedUser>();
  let user = options.users[0];
  let issuer = '';

  const authorize = (query: URLSearchParams, res: ServerResponse) => {
    const redirectUri = query.get('redirect_uri') ?? '';
    if (query.get('client_id') !== options.clientId) return text(res, 400, 'unknown client_id');
    if (!registered(redirectUri, options.redirectUris))
      return text(res, 400, 'redirect_uri is not registered');
    const back = new URL(redirectUri);
    const challenge = query.get('code_challenge');
    if (query.get('response_type') !== 'code') back.searchParams.set('error', 'unsupported_response_type');
    else if (query.get('code_challenge_method') !== 'S256' || !challenge)
      back.searchParams.set('error', 'invalid_request');
    else if (!user) back.searchParams.set('error', 'access_denied');
    else {
      const code = randomToken();
      const nonce = query.get('nonce');
      grants.set(code, {
        user,
        redirectUri,
        codeChallenge: challenge,
        nonce,
        expiresAt: Date.now() + 60_000,
      });
      back.searchParams.set('code', code);
    }
    const state = query.get('state');
    if (state !== null) back.searchParams.set('state', state);
    back.searchParams.set('iss', issuer);
    res.writeHead(302, { location: back.href }).end();
  };

  const token = (req: IncomingMessage, body: URLSearchParams, res: ServerResponse) => {
    if (!clientAuthenticated(req.headers.authorization, body, options)) {
      return json(res, 401, { error: 'invalid_client' }, { 'www-authenticate': 'Basic realm="simulated"' });
    }
    if (body.get('grant_type') !== 'authorization_code')
      return json(res, 400, { error: 'unsupported_grant_type' });
    const code = body.get('code') ?? '';
    const grant = grants.get(code);
    grants.delete(code); // single use, even when the request fails below
    const verifier = body.get('code_verifier');
    if (!grant || grant.expiresAt < Date.now() || grant.redirectUri !== body.get('redirect_uri')) {
      return json(res, 400, {
        error: 'invalid_grant',
        error_description: 'unknown, used or mismatched code',
      });
    }
    if (!verifier || s256(verifier) !== grant.codeChallenge) {
      return json(res, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
    }
    const accessToken = randomToken();
    accessTokens.set(accessToken, grant.user);
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      ...profile(grant.user, options.groupsInIdToken !== false),
      iss: issuer,
      aud: options.clientId,
      iat: now,
      exp: now + 300,
      ...(grant.nonce === null ? {} : { nonce: grant.nonce }),
    };
    const answer = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 3600,
      id_token: signJwt(claims, key),
    };
    json(res, 200, answer, { 'cache-control': 'no-store' });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    const body = new URLSearchParams(req.method === 'POST' ? await readBody(req) : '');
    if (url.pathname === '/.well-known/openid-configuration')
      return json(res, 200, discoveryDocument(issuer));
    if (url.pathname === '/jwks') return json(res, 200, { keys: [key.jwk] });
    if (url.pathname === '/authorize') return authorize(url.searchParams, res);
    if (url.pathname === '/token' && req.method === 'POST') return token(req, body, res);
    if (url.pathname === '/userinfo') {
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const owner = bearer ? accessTokens.get(bearer) : undefined;
      return owner ? json(res, 200, profile(owner, true)) : json(res, 401, { error: 'invalid_token' });
    }
    text(res, 404, 'not found');
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => text(res, 500, 'simulated issuer failed'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    setUser(sub) {
      const found = options.users.find((candidate) => candidate.sub === sub);
      if (!found) throw new Error(`no simulated user ${sub}`);
      user = found;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function profile(user: SimulatedUser, withGroups: boolean) {
  const email = user.email ?? `${user.username}@example.com`;
  const base = { sub: user.sub, preferred_username: user.username, email, email_verified: true };
  return withGroups ? { ...base, groups: user.groups } : base;
}
