import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ClientToServerEvents,
  CreatedTokenSchema,
  type Role,
  roleAllows,
  TokenListSchema,
} from '@drivebay/api-types';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Access, RouteRule } from '../../auth/access.js';
import { CSRF_HEADER, CSRF_VALUE } from '../../auth/csrf.js';
import { type Client, signIn, testUsers } from '../clients.js';
import { call, errorOf } from '../http.js';
import { removeDir, startTestApp } from '../test-app.js';
import { expressAppOf, registeredRoutes } from './express-routes.js';
import { handshake, join as joinRoom, type LiveSocket, openLive } from './live-client.js';
import { loadFixtures, type Probe, probes } from './route-probes.js';
import { fillPath, mutates, ruleKey } from './route-rules.js';
import { domainSnapshot, snapshotDiff } from './store-snapshot.js';

// A built console in the web root, so that static assets are served as in production.
const dataDir = mkdtempSync(join(tmpdir(), 'drivebay-access-'));
const webRoot = join(dataDir, 'no-web-build');
mkdirSync(join(webRoot, 'assets'), { recursive: true });
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Drivebay</title>');
writeFileSync(join(webRoot, 'assets', 'app-1a2b3c.js'), 'console.log("drivebay")');

// Started at collection time: the tests are generated from the app's own access table.
const t = await startTestApp({ dataDir });
const fixtures = await loadFixtures(t);
const rules: readonly RouteRule[] = [...t.app.security.table.rules];
const sockets: LiveSocket[] = [];

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

afterAll(async () => {
  await t.stop();
  removeDir(dataDir);
});

type Caller = Role | 'anonymous';
const callers: readonly Caller[] = ['anonymous', 'viewer', 'operator', 'admin'];
const FOREIGN_ORIGIN = 'https://evil.example';

let sequence = 0;
/** Unique, and valid in ids and usernames (lowercase, digits, dashes). */
const unique = () => `${process.pid.toString(36)}-${(++sequence).toString(36)}`;

function expectedStatus(access: Access, caller: Caller, probe: Probe): number {
  if (access === 'public') return probe.ok;
  if (caller === 'anonymous') return 401;
  return roleAllows(caller, access) ? probe.ok : 403;
}

/** The caller's client; a throwaway user of the role when the probe ends its session. */
async function callerFor(caller: Caller, probe: Probe) {
  if (caller === 'anonymous') return { client: undefined, who: undefined };
  if (!probe.ownSession) return { client: t[caller], who: testUsers[caller] };
  const who = { username: `own-${unique()}`, password: 'own session password 1' };
  await t.app.security.users.create(who.username, caller, who.password);
  return { client: await signIn(t.url, who.username, who.password), who };
}

/** A request as the console sends it (JSON, the CSRF header), signed in or not. */
async function send(client: Client | undefined, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { [CSRF_HEADER]: CSRF_VALUE };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const init = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
  const response = client
    ? await client.fetch(`/api/v1${path}`, init)
    : await fetch(`${t.url}/api/v1${path}`, init);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

describe('the access table', () => {
  it('lists every API route, each with a probe below', () => {
    const keys = rules.map(ruleKey);
    expect(keys.length).toBeGreaterThanOrEqual(20);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys)).toEqual(new Set(Object.keys(probes)));
  });

  it('is every route the Express app serves, apart from health checks, /metrics and the console', async () => {
    const served = registeredRoutes(await expressAppOf(t.app.http, t.url)).map(
      (r) => `${r.method} ${r.path}`,
    );
    const inTable = new Set<string>(rules.map(ruleKey));
    expect(served.filter((route) => inTable.has(route)).length).toBe(rules.length);
    expect(served.filter((route) => !inTable.has(route))).toEqual([
      'GET /healthz',
      'GET /readyz',
      // Behind the same chain with its own access table (a read token); metrics/prometheus tests it.
      'GET /metrics/',
      `GET ${String(/^(?!\/api\/|\/socket\.io\/).*/)}`,
    ]);
  });
});

describe.each(rules.map((rule) => [ruleKey(rule), rule] as const))('%s', (key, rule) => {
  it.each(callers)('answers %s as its access says, and a refusal changes nothing', async (caller) => {
    const probe = probes[key];
    if (!probe) throw new Error(`no probe for ${key}: add one to route-probes.ts`);
    const { client, who } = await callerFor(caller, probe);
    const request = await probe.prepare({ t, fixtures, caller: who, unique: unique() });
    const before = await domainSnapshot(t.store);
    const answer = await send(client, rule.method, request.path, request.body);
    const expected = expectedStatus(rule.access, caller, probe);
    expect(answer.status, JSON.stringify(answer.body)).toBe(expected);
    if (expected === 401 || expected === 403) {
      expect(errorOf(answer.body).code).toBe(expected === 401 ? 'UNAUTHENTICATED' : 'PERMISSION_DENIED');
      expect(snapshotDiff(before, await domainSnapshot(t.store))).toEqual([]);
    }
  });
});

describe('methods a path does not have', () => {
  it('are 404 to an admin and 401 to a stranger, never a success', async () => {
    const plausible = {
      id: 'pvc-unknown',
      username: testUsers.viewer.username,
      cluster: 'simulated',
      namespace: 'kafka',
      name: 'kafka-0',
    };
    const wrong: string[] = [];
    for (const pattern of new Set(rules.map((r) => r.path))) {
      const has = new Set<string>(rules.filter((r) => r.path === pattern).map((r) => r.method));
      const path = fillPath(pattern, plausible).slice('/api/v1'.length);
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !has.has(m))) {
        const asAdmin = await send(t.admin, method, path);
        const asStranger = await send(undefined, method, path);
        if (asAdmin.status !== 404) wrong.push(`${method} ${path} as admin: ${asAdmin.status}`);
        if (asStranger.status !== 401) wrong.push(`${method} ${path} anonymously: ${asStranger.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('CSRF on every mutating route', () => {
  it.each(rules.filter(mutates).map(ruleKey))(
    '%s refuses a session request that is not the console’s',
    async (key) => {
      const rule = rules.find((r) => ruleKey(r) === key)!;
      const probe = probes[key]!;
      const { client, who } = await callerFor('admin', probe);
      const request = await probe.prepare({ t, fixtures, caller: who, unique: unique() });
      const before = await domainSnapshot(t.store);
      const body = request.body === undefined ? {} : { body: JSON.stringify(request.body) };
      const notTheConsole: Record<string, string>[] = [
        {},
        { [CSRF_HEADER]: CSRF_VALUE, origin: FOREIGN_ORIGIN },
      ];
      for (const headers of notTheConsole) {
        const response = await fetch(`${t.url}/api/v1${request.path}`, {
          method: rule.method,
          headers: { 'content-type': 'application/json', cookie: client!.cookie, ...headers },
          ...body,
        });
        expect(response.status).toBe(403);
        expect(errorOf(await response.json()).message).toMatch(/cross-site request refused/);
      }
      expect(snapshotDiff(before, await domainSnapshot(t.store))).toEqual([]);
    },
  );
});

describe('API tokens', () => {
  async function token(client: Client, scopes: string[]): Promise<string> {
    const created = await call(client, 'POST', '/api/v1/tokens', { name: `scoped-${unique()}`, scopes });
    return CreatedTokenSchema.parse(created.body).secret;
  }
  const bearer = (secret: string, method: string, path: string, body?: unknown) =>
    fetch(`${t.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const volume = () => ({
    name: `pvc-token-${unique()}`,
    capacityBytes: 1024 ** 3,
    parameters: { type: 'slice' },
  });

  it('with the read scope reads, and gets 403 on an operator route even for an operator', async () => {
    const secret = await token(t.operator, ['read']);
    expect((await bearer(secret, 'GET', '/volumes')).status).toBe(200);
    const refused = await bearer(secret, 'POST', '/volumes', volume());
    expect(refused.status).toBe(403);
    expect(errorOf(await refused.json()).message).toMatch(/lacks the write scope/);
  });

  it('with the write scope gets through an operator route, without the CSRF header, and reads', async () => {
    const secret = await token(t.operator, ['write']);
    expect((await bearer(secret, 'POST', '/volumes', volume())).status).toBe(201);
    expect((await bearer(secret, 'GET', '/volumes')).status).toBe(200);
    // Not an admin route, though its owner is an operator only in any case.
    expect((await bearer(secret, 'GET', '/users')).status).toBe(403);
  });

  it('never does more than its scopes: an admin’s read+write token is refused on admin routes', async () => {
    const secret = await token(t.admin, ['read', 'write']);
    expect((await bearer(secret, 'GET', '/users')).status).toBe(403);
    expect((await bearer(secret, 'POST', '/admin/simulator/faults', { kind: 'drive-fail' })).status).toBe(
      403,
    );
  });

  it.each([
    ['operator', ['admin']],
    ['operator', ['read', 'admin']],
    ['viewer', ['write']],
  ] as const)(
    'cannot be minted by a %s with the scopes %j: 403, and no token is made',
    async (role, scopes) => {
      const before = TokenListSchema.parse((await call(t.admin, 'GET', '/api/v1/tokens')).body).tokens;
      const refused = await call(t[role], 'POST', '/api/v1/tokens', { name: 'escalate', scopes });
      expect(refused.status).toBe(403);
      expect(errorOf(refused.body)).toMatchObject({ code: 'PERMISSION_DENIED', field: 'body.scopes' });
      expect(TokenListSchema.parse((await call(t.admin, 'GET', '/api/v1/tokens')).body).tokens).toEqual(
        before,
      );
    },
  );

  it('that is unknown, malformed or revoked is refused with 401, even on a public route', async () => {
    const secret = await token(t.viewer, ['read']);
    const [, id] = /^dbt_(tok-[0-9a-f]{12})_/.exec(secret) ?? [];
    expect((await call(t.viewer, 'DELETE', `/api/v1/tokens/${id}`)).status).toBe(204);
    for (const attempt of [secret, 'dbt_tok-000000000000_x', 'garbage', `${secret}x`]) {
      expect((await bearer(attempt, 'GET', '/volumes')).status).toBe(401);
      expect((await bearer(attempt, 'GET', '/auth/config')).status).toBe(401);
    }
  });
});

/** Who may emit each client event; a Record, so a new event in the map fails to compile until listed. */
const socketEventAccess = {
  'live:join': 'viewer',
  'live:leave': 'viewer',
} as const satisfies Record<keyof ClientToServerEvents, Access>;

/** A valid payload of each client event. */
const validPayloads: {
  [E in keyof ClientToServerEvents]: () => Promise<Parameters<ClientToServerEvents[E]>[0]>;
} = {
  'live:join': async () => ({ room: 'volumes', sinceRevision: await t.store.revision() }),
  'live:leave': async () => ({ room: 'volumes' }),
};

describe('the /live socket', () => {
  const open = (credentials: Parameters<typeof openLive>[1]) => {
    const socket = openLive(t.url, credentials);
    sockets.push(socket);
    return socket;
  };

  it.each([
    ['no cookie', {}],
    ['an unknown session cookie', { cookie: 'drivebay_session=not-a-session' }],
    ['an unknown bearer token', { token: 'dbt_tok-000000000000_unknown' }],
  ])('refuses a handshake with %s', async (_what, credentials) => {
    expect(await handshake(open(credentials))).toEqual({
      connected: false,
      error: 'UNAUTHENTICATED: sign in first',
    });
  });

  it('refuses a handshake from a foreign Origin, even with a valid cookie, over either transport', async () => {
    const outcome = await handshake(open({ cookie: t.viewer.cookie, origin: FOREIGN_ORIGIN }));
    expect(outcome.connected).toBe(false);
    const polling = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: FOREIGN_ORIGIN, cookie: t.viewer.cookie },
    });
    expect(polling.status).toBe(403);
  });

  it('accepts the console’s own Origin with a viewer cookie', async () => {
    expect(await handshake(open({ cookie: t.viewer.cookie, origin: t.url }))).toEqual({ connected: true });
  });

  it('lets a write token read, on HTTP as on the socket (a scope includes the ones below it)', async () => {
    const created = await call(t.operator, 'POST', '/api/v1/tokens', {
      name: 'write-only',
      scopes: ['write'],
    });
    const { secret } = CreatedTokenSchema.parse(created.body);
    const http = await fetch(`${t.url}/api/v1/topology`, { headers: { authorization: `Bearer ${secret}` } });
    expect(http.status).toBe(200);
    expect(await handshake(open({ token: secret }))).toEqual({ connected: true });
  });

  it('refuses a revoked token on the socket', async () => {
    const created = await call(t.operator, 'POST', '/api/v1/tokens', { name: 'revoked', scopes: ['read'] });
    const { secret, token } = CreatedTokenSchema.parse(created.body);
    await call(t.operator, 'DELETE', `/api/v1/tokens/${token.id}`);
    const outcome = await handshake(open({ token: secret }));
    expect(outcome).toMatchObject({ connected: false });
  });

  describe.each(Object.entries(socketEventAccess))('%s', (event, access) => {
    it.each(['viewer', 'operator', 'admin'] as const)(
      'is served to a %s exactly when the role allows',
      async (role) => {
        const socket = open({ cookie: t[role].cookie });
        expect(await handshake(socket)).toEqual({ connected: true });
        if (event === 'live:leave') {
          // No answer to a leave: what a role may do is seen in the join before it.
          socket.emit('live:leave', await validPayloads[event]());
          const ack = await joinRoom(socket, await validPayloads['live:join']());
          expect(ack.ok).toBe(roleAllows(role, access));
          return;
        }
        const ack = await joinRoom(socket, await validPayloads['live:join']());
        expect(ack.ok).toBe(roleAllows(role, access));
      },
    );
  });
});

describe('outside the access table', () => {
  it('serves health checks and the console to strangers', async () => {
    for (const path of ['/healthz', '/readyz', '/', '/volumes/pvc-x', '/assets/app-1a2b3c.js']) {
      const response = await fetch(`${t.url}${path}`);
      expect(response.status, path).toBe(200);
    }
  });

  it('answers a missing asset with 404 in the error shape, not 500', async () => {
    const response = await fetch(`${t.url}/assets/missing-0000.js`);
    expect(response.status).toBe(404);
    expect(errorOf(await response.json()).code).toBe('NOT_FOUND');
  });
});
