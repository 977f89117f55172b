import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { errorHandler } from '../../../http/errors.js';
import type { Logger } from '../../../log.js';
import { loadOidcConfig } from '../oidc-config.js';
import type { OidcIdentity } from '../oidc-identity.js';
import { OidcLogin, type OidcLoginOptions } from '../oidc-login.js';
import { oidcRoutes } from '../oidc-routes.js';
import { type SimulatedIssuer, type SimulatedUser, startSimulatedIssuer } from './simulated-issuer.js';

export const testUsers: SimulatedUser[] = [
  { sub: 'u-alice', username: 'alice', groups: ['storage-ops', 'storage-admins'] },
  { sub: 'u-olga', username: 'olga', groups: ['storage-ops'] },
  { sub: 'u-vic', username: 'vic', groups: ['finance'] },
];

export interface HarnessOptions extends Pick<OidcLoginOptions, 'now' | 'tokenAuthMethod'> {
  roleMap?: string;
  /** The secret the issuer expects; undefined makes a public client. */
  issuerSecret?: string;
  /** The secret Drivebay is configured with (defaults to the issuer's). */
  ourSecret?: string;
  groupsInIdToken?: boolean;
}

export interface Harness {
  app: string;
  issuer: SimulatedIssuer;
  /** Identities signIn was called with, in order. */
  signedIn: OidcIdentity[];
  logs: { level: string; message: string; fields?: Record<string, unknown> }[];
  stop(): Promise<void>;
}

/** Drivebay's OIDC routes in an Express app and a simulated issuer, both on loopback ports. */
export async function startOidcHarness(options: HarnessOptions = {}): Promise<Harness> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const app = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirectUrl = `${app}/api/v1/auth/oidc/callback`;
  const issuerSecret = 'issuerSecret' in options ? options.issuerSecret : 'client-secret-1';
  const issuer = await startSimulatedIssuer({
    users: testUsers,
    clientId: 'drivebay',
    ...(issuerSecret === undefined ? {} : { clientSecret: issuerSecret }),
    redirectUris: [redirectUrl],
    groupsInIdToken: options.groupsInIdToken ?? true,
  });
  const config = loadOidcConfig({
    OIDC_ISSUER: issuer.issuer,
    OIDC_CLIENT_ID: 'drivebay',
    OIDC_CLIENT_SECRET: options.ourSecret ?? issuerSecret,
    OIDC_REDIRECT_URL: redirectUrl,
    OIDC_ROLE_MAP: options.roleMap ?? 'storage-admins=admin,storage-ops=operator',
  });
  if (!config) throw new Error('OIDC config missing');
  const login = await OidcLogin.discover(config, options);
  const signedIn: OidcIdentity[] = [];
  const logs: Harness['logs'] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    logs.push({ level, message, ...(fields ? { fields } : {}) });
  const log: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  const signIn = async (_req: unknown, res: express.Response, identity: OidcIdentity) => {
    signedIn.push(identity);
    res.append('Set-Cookie', 'drivebay_session=test-session; Path=/; HttpOnly; SameSite=Strict');
  };
  const express_ = express();
  express_.use('/api/v1', oidcRoutes(login, signIn, log));
  express_.use(errorHandler(log));
  server.on('request', express_);
  return {
    app,
    issuer,
    signedIn,
    logs,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await issuer.stop();
    },
  };
}

/** One hop of a browser without automatic redirects: sends and keeps cookies, answers status and Location. */
export class Browser {
  readonly cookies = new Map<string, string>();

  async get(url: string): Promise<{ status: number; location: string | null }> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((a) => a.trim().toLowerCase() === 'max-age=0');
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.trim());
    }
    await response.arrayBuffer();
    return { status: response.status, location: response.headers.get('location') };
  }

  /** Login → provider's /authorize → callback → final; answers each hop's Location. */
  async signIn(app: string, next?: string) {
    const query = next === undefined ? '' : `?next=${encodeURIComponent(next)}`;
    const authorizeUrl = await this.redirect(`${app}/api/v1/auth/oidc/login${query}`);
    const callbackUrl = await this.redirect(authorizeUrl);
    const final = await this.redirect(callbackUrl);
    return { authorizeUrl, callbackUrl, final };
  }

  /** GETs a URL that must answer 302, and answers its absolute Location. */
  async redirect(url: string): Promise<string> {
    const { status, location } = await this.get(url);
    if (status !== 302 || !location) throw new Error(`GET ${url}: expected a 302, got ${status}`);
    return new URL(location, url).href;
  }
}
