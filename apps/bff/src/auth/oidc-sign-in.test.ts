import { createServer } from 'node:net';
import { AuthConfigSchema, SessionInfoSchema } from '@drivebay/api-types';
import { afterEach, describe, expect, it } from 'vitest';
import { clientWithCookie } from '../testing/clients.js';
import { call } from '../testing/http.js';
import { removeDir, startTestApp, type TestApp } from '../testing/test-app.js';
import { loadOidcConfig } from './oidc/oidc-config.js';
import { OidcLogin } from './oidc/oidc-login.js';
import { Browser } from './oidc/testing/oidc-harness.js';
import { type SimulatedIssuer, startSimulatedIssuer } from './oidc/testing/simulated-issuer.js';

let t: TestApp | undefined;
let issuer: SimulatedIssuer | undefined;
afterEach(async () => {
  await t?.stop();
  if (t) removeDir(t.dataDir);
  await issuer?.stop();
  t = undefined;
  issuer = undefined;
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The whole app with OIDC sign-in against a simulated provider. */
async function start(): Promise<{ app: TestApp; provider: SimulatedIssuer }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  issuer = await startSimulatedIssuer({
    users: [
      { sub: 'u-alice', username: 'alice', groups: ['storage-admins'] },
      { sub: 'u-vera', username: 'vera', groups: ['storage-ops'] },
      { sub: 'u-olga', username: 'olga', groups: ['storage-ops'] },
    ],
    clientId: 'drivebay',
    clientSecret: 'client-secret-1',
    redirectUris: [`${url}/api/v1/auth/oidc/callback`],
  });
  const config = loadOidcConfig({
    OIDC_ISSUER: issuer.issuer,
    OIDC_CLIENT_ID: 'drivebay',
    OIDC_CLIENT_SECRET: 'client-secret-1',
    OIDC_REDIRECT_URL: `${url}/api/v1/auth/oidc/callback`,
    OIDC_ROLE_MAP: 'storage-admins=admin,storage-ops=operator',
    OIDC_LABEL: 'Sign in with Keycloak',
  });
  t = await startTestApp({ port, oidcLogin: await OidcLogin.discover(config!) });
  return { app: t, provider: issuer };
}

describe('OIDC sign-in in the app', () => {
  it('creates the user on first sign-in with the role from the groups, and opens a session', async () => {
    const { app, provider } = await start();
    expect(AuthConfigSchema.parse(await (await fetch(`${app.url}/api/v1/auth/config`)).json()).oidc).toEqual({
      enabled: true,
      label: 'Sign in with Keycloak',
    });
    provider.setUser('u-alice');
    const browser = new Browser();
    const { final } = await browser.signIn(app.url, '/volumes');
    expect(final).toBe(`${app.url}/volumes`);
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const me = SessionInfoSchema.parse(
      await (await clientWithCookie(app.url, 'alice', cookie).fetch('/api/v1/auth/me')).json(),
    );
    expect(me.user).toEqual({ username: 'alice', role: 'admin', source: 'oidc' });
    const users = (await call(app.admin, 'GET', '/api/v1/users')).body as { users: { username: string }[] };
    expect(users.users.map((u) => u.username)).toContain('alice');
  });

  it('never signs into a local account of the same name', async () => {
    const { app, provider } = await start();
    provider.setUser('u-vera');
    const { final } = await new Browser().signIn(app.url);
    expect(decodeURIComponent(final)).toMatch(
      /\/login\?error=vera is a local account; sign in with its password/,
    );
  });
});
