import { afterEach, describe, expect, it } from 'vitest';
import { PENDING_LOGIN_MS } from './oidc-login.js';
import { Browser, type Harness, type HarnessOptions, startOidcHarness } from './testing/oidc-harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(options: HarnessOptions = {}): Promise<Harness> {
  harness = await startOidcHarness(options);
  return harness;
}

/** Where a redirect lands, as the browser's address bar would show it on our site. */
const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};
const loginError = (url: string) => new URL(url).searchParams.get('error') ?? '';

describe('OIDC sign-in through the routes and a simulated provider', () => {
  it('signs in with PKCE, state and nonce, then returns to next', async () => {
    const h = await start();
    const browser = new Browser();
    const { authorizeUrl, callbackUrl, final } = await browser.signIn(h.app, '/volumes?site=a');

    const authorize = new URL(authorizeUrl);
    expect(authorize.origin).toBe(h.issuer.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${h.app}/api/v1/auth/oidc/callback`);
    expect(authorizeUrl).not.toContain('client-secret-1');
    expect(new URL(callbackUrl).searchParams.get('state')).toBe(authorize.searchParams.get('state'));
    expect(pathOf(final)).toBe('/volumes?site=a');
    expect(h.signedIn).toEqual([
      { subject: 'u-alice', username: 'alice', groups: ['storage-ops', 'storage-admins'], role: 'admin' },
    ]);
    expect(browser.cookies.get('drivebay_session')).toBe('test-session');
    // The state cookie is single-use too: the callback clears it.
    expect(browser.cookies.has('drivebay_oidc_state')).toBe(false);
  });

  it('maps groups to the highest role, falls back to "*", and refuses when nothing matches', async () => {
    const h = await start({ roleMap: 'storage-ops=operator,storage-admins=admin,*=viewer' });
    h.issuer.setUser('u-olga');
    await new Browser().signIn(h.app);
    h.issuer.setUser('u-vic');
    await new Browser().signIn(h.app);
    expect(h.signedIn.map((i) => [i.username, i.role])).toEqual([
      ['olga', 'operator'],
      ['vic', 'viewer'],
    ]);

    await h.stop();
    const strict = await start({ roleMap: 'storage-admins=admin' });
    strict.issuer.setUser('u-vic');
    const { final } = await new Browser().signIn(strict.app, '/volumes');
    expect(new URL(final).pathname).toBe('/login');
    expect(loginError(final)).toMatch(/none of your groups grants access/);
    expect(strict.signedIn).toEqual([]);
  });

  it('rejects a replayed callback', async () => {
    const h = await start();
    const browser = new Browser();
    const { callbackUrl } = await browser.signIn(h.app);
    browser.cookies.set('drivebay_oidc_state', new URL(callbackUrl).searchParams.get('state') ?? '');
    const replay = await browser.redirect(callbackUrl);
    expect(new URL(replay).pathname).toBe('/login');
    expect(loginError(replay)).toMatch(/unknown or was already used/);
    expect(h.signedIn).toHaveLength(1);
  });

  it('rejects a tampered state, and a callback in a browser that did not start the sign-in', async () => {
    const h = await start();
    const browser = new Browser();
    const authorizeUrl = await browser.redirect(`${h.app}/api/v1/auth/oidc/login`);
    const callbackUrl = new URL(await browser.redirect(authorizeUrl));

    const elsewhere = await new Browser().redirect(callbackUrl.href);
    expect(loginError(elsewhere)).toMatch(/started in another browser/);

    callbackUrl.searchParams.set('state', 'forged-state');
    browser.cookies.set('drivebay_oidc_state', 'forged-state');
    const tampered = await browser.redirect(callbackUrl.href);
    expect(loginError(tampered)).toMatch(/unknown or was already used/);
    expect(h.signedIn).toEqual([]);
  });

  it('fails back to the login page when the client secret is wrong, logging why but no secret', async () => {
    const h = await start({ ourSecret: 'not-the-secret' });
    const { final } = await new Browser().signIn(h.app);
    expect(new URL(final).pathname).toBe('/login');
    expect(loginError(final)).toMatch(/did not confirm the sign-in/);
    expect(h.signedIn).toEqual([]);
    const logged = JSON.stringify(h.logs);
    expect(logged).toMatch(/HTTP 401 .*check OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
    expect(logged).not.toContain('not-the-secret');
  });

  it('shows the provider error when the provider refuses', async () => {
    const h = await start();
    const browser = new Browser();
    const authorizeUrl = new URL(await browser.redirect(`${h.app}/api/v1/auth/oidc/login`));
    authorizeUrl.searchParams.delete('code_challenge_method');
    const final = await browser.redirect(await browser.redirect(authorizeUrl.href));
    expect(loginError(final)).toBe('the identity provider refused the sign-in (invalid_request)');
  });

  it('refuses a sign-in completed after ten minutes', async () => {
    let now = Date.now();
    const h = await start({ now: () => now });
    const browser = new Browser();
    const callbackUrl = await browser.redirect(await browser.redirect(`${h.app}/api/v1/auth/oidc/login`));
    now += PENDING_LOGIN_MS + 1;
    expect(loginError(await browser.redirect(callbackUrl))).toMatch(/longer than 10 minutes/);
    expect(h.signedIn).toEqual([]);
  });

  it('never redirects off-site: a next of //evil.example becomes /', async () => {
    const h = await start();
    const { final } = await new Browser().signIn(h.app, '//evil.example');
    expect(new URL(final).origin).toBe(h.app);
    expect(pathOf(final)).toBe('/');
  });

  it('works for a public client, with client_secret_post, and with groups only in userinfo', async () => {
    for (const options of [
      { issuerSecret: undefined },
      { tokenAuthMethod: 'client_secret_post' as const },
      { groupsInIdToken: false },
    ]) {
      const h = await start(options);
      const { final } = await new Browser().signIn(h.app, '/drives');
      expect(pathOf(final), JSON.stringify(options)).toBe('/drives');
      expect(h.signedIn[0]?.role).toBe('admin');
      await h.stop();
      harness = undefined;
    }
  });

  it('logs no token, code or secret during a sign-in', async () => {
    const h = await start();
    const { callbackUrl } = await new Browser().signIn(h.app);
    const logged = JSON.stringify(h.logs);
    expect(logged).toContain('oidc sign-in');
    expect(logged).not.toContain(new URL(callbackUrl).searchParams.get('code'));
    expect(logged).not.toContain('client-secret-1');
    expect(logged).not.toMatch(/eyJ/); // the start of every JWT
  });
});
