import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { s256 } from './issuer-crypto.js';
import { type SimulatedIssuer, startSimulatedIssuer } from './simulated-issuer.js';

// The flow tests are only as strict as this issuer, so its own checks are tested here.
const redirectUri = 'http://127.0.0.1:1/api/v1/auth/oidc/callback';
const verifier = 'v'.repeat(43);
let issuer: SimulatedIssuer;

beforeEach(async () => {
  issuer = await startSimulatedIssuer({
    users: [{ sub: 'u-1', username: 'ann', groups: ['ops'] }],
    clientId: 'drivebay',
    clientSecret: 'secret-1',
    redirectUris: [redirectUri],
  });
});
afterEach(() => issuer.stop());

async function authorize(params: Record<string, string> = {}): Promise<Response> {
  const query = new URLSearchParams({
    client_id: 'drivebay',
    redirect_uri: redirectUri,
    response_type: 'code',
    code_challenge: s256(verifier),
    code_challenge_method: 'S256',
    state: 'st',
    nonce: 'no',
    ...params,
  });
  return fetch(`${issuer.issuer}/authorize?${query}`, { redirect: 'manual' });
}

async function redeem(code: string, overrides: Record<string, string> = {}, secret = 'secret-1') {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
    ...overrides,
  });
  const authorization = `Basic ${Buffer.from(`drivebay:${secret}`).toString('base64')}`;
  const response = await fetch(`${issuer.issuer}/token`, {
    method: 'POST',
    body,
    headers: { authorization },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const codeOf = (response: Response) =>
  new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';

describe('simulated issuer', () => {
  it('issues a verifiable RS256 ID token once per code', async () => {
    const code = codeOf(await authorize());
    const first = await redeem(code);
    expect(first.status).toBe(200);
    const [header = '', payload = '', signature = ''] = String(first.body.id_token).split('.');
    const jwks = (await (await fetch(`${issuer.issuer}/jwks`)).json()) as { keys: JsonWebKey[] };
    const key = createPublicKey({ key: jwks.keys[0] ?? {}, format: 'jwk' });
    expect(
      verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url')),
    ).toBe(true);
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
      sub: 'u-1',
      nonce: 'no',
      aud: 'drivebay',
    });
    expect((await redeem(code)).body.error).toBe('invalid_grant');
  });

  it('refuses a wrong verifier, redirect_uri or secret, and an unregistered redirect', async () => {
    expect((await redeem(codeOf(await authorize()), { code_verifier: 'w'.repeat(43) })).body.error).toBe(
      'invalid_grant',
    );
    expect((await redeem(codeOf(await authorize()), { redirect_uri: `${redirectUri}x` })).body.error).toBe(
      'invalid_grant',
    );
    expect((await redeem(codeOf(await authorize()), {}, 'wrong')).status).toBe(401);
    const unregistered = await authorize({ redirect_uri: 'http://evil.example/cb' });
    expect([unregistered.status, unregistered.headers.get('location')]).toEqual([400, null]);
    const plain = await authorize({ code_challenge_method: 'plain' });
    expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });
});
