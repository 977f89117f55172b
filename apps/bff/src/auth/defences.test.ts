import { AuditPageSchema, ComposeResponseSchema } from '@drivebay/api-types';
import { afterEach, describe, expect, it } from 'vitest';
import { signIn, testUsers } from '../testing/clients.js';
import { call, errorOf } from '../testing/http.js';
import { removeDir, startTestApp, type TestApp } from '../testing/test-app.js';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const t of apps.splice(0)) {
    await t.stop();
    removeDir(t.dataDir);
  }
});

async function start(options: Parameters<typeof startTestApp>[0] = {}): Promise<TestApp> {
  const t = await startTestApp(options);
  apps.push(t);
  return t;
}

function login(url: string, username: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'drivebay', ...headers },
    body: JSON.stringify({ username, password }),
  });
}

/** Every audit record, newest first, once the record of the last request has landed. */
async function auditRecords(t: TestApp, query = '') {
  // A refused request's record is written as its answer leaves: give it a moment.
  await new Promise((r) => setTimeout(r, 100));
  return AuditPageSchema.parse((await call(t.admin, 'GET', `/api/v1/audit?limit=1000${query}`)).body).records;
}

describe('brute force', () => {
  it('locks an account after 10 failures, even for the right password, and keeps it locked across a restart', async () => {
    const t = await start();
    const { username, password } = { username: 'lou', password: 'lou password 123' };
    await call(t.admin, 'POST', '/api/v1/users', { username, password, role: 'viewer' });
    for (let i = 0; i < 10; i++)
      expect((await login(t.url, username, 'wrong password here')).status).toBe(401);
    const locked = await login(t.url, username, password);
    expect(locked.status).toBe(429);
    expect(errorOf(await locked.json()).message).toMatch(/this account is locked until .*; try again then/);

    await t.stop();
    apps.pop();
    const again = await start({ dataDir: t.dataDir });
    expect((await login(again.url, username, password)).status).toBe(429);
    // Another account is not affected.
    expect((await login(again.url, testUsers.operator.username, testUsers.operator.password)).status).toBe(
      200,
    );
    const users = (await call(again.admin, 'GET', '/api/v1/users')).body as {
      users: { username: string; lockedUntil?: string }[];
    };
    expect(users.users.find((u) => u.username === username)?.lockedUntil).toBeDefined();
  });

  it('limits failures per address across accounts', async () => {
    const t = await start({
      security: { lockout: { accountFailures: 10, addressFailures: 5, lockMs: 60_000 } },
    });
    for (let i = 0; i < 5; i++)
      expect((await login(t.url, `nobody-${i}`, 'wrong password here')).status).toBe(401);
    const blocked = await login(t.url, testUsers.admin.username, testUsers.admin.password);
    expect(blocked.status).toBe(429);
    expect(errorOf(await blocked.json()).message).toMatch(/your address is locked/);
  });

  it('locks an unknown name exactly as an existing one: a lockout tells nobody which accounts exist', async () => {
    const t = await start({
      security: { lockout: { accountFailures: 3, addressFailures: 50, lockMs: 60_000 } },
    });
    await call(t.admin, 'POST', '/api/v1/users', {
      username: 'rae',
      password: 'rae password 1234',
      role: 'viewer',
    });
    const answers = async (name: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await login(t.url, name, 'wrong password here')).status);
      return statuses;
    };
    expect(await answers('rae')).toEqual([401, 401, 401, 429]);
    expect(await answers('nobody-at-all')).toEqual([401, 401, 401, 429]);
  });

  it('says the same for an unknown user and a wrong password', async () => {
    const t = await start();
    const unknown = errorOf(await (await login(t.url, 'nobody', 'some password 123')).json());
    const wrong = errorOf(await (await login(t.url, 'vera', 'some password 123')).json());
    expect(unknown).toEqual(wrong);
  });
});

describe('caching', () => {
  it('answers every API request with Cache-Control: no-store, so no proxy or browser cache keeps it', async () => {
    const t = await start();
    for (const path of ['/api/v1/auth/me', '/api/v1/volumes', '/api/v1/incident', '/api/v1/no-such-route']) {
      const response = await t.viewer.fetch(path);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
    // The 1 MB snapshot is revalidated by ETag instead: kept by this browser only, never by a shared cache.
    const topology = await t.viewer.fetch('/api/v1/topology');
    expect(topology.headers.get('cache-control')).toBe('private, no-cache');
    const anonymous = await fetch(`${t.url}/api/v1/auth/me`);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
  });
});

describe('CSRF', () => {
  const body = JSON.stringify({ name: 'pvc-csrf', capacityBytes: 1e12 });

  it('refuses a cross-site POST with the session cookie: 403 and nothing changes', async () => {
    const t = await start();
    const before = await t.store.revision();
    const attempts: Record<string, string>[] = [
      // A form post from another site: no custom header, foreign origin.
      { 'content-type': 'text/plain', origin: 'https://evil.example' },
      // Even with the header (impossible cross-site without CORS), a foreign origin is refused.
      { 'content-type': 'application/json', origin: 'https://evil.example', 'x-requested-with': 'drivebay' },
      // Without the header, same-site or not.
      { 'content-type': 'application/json' },
      // No Origin, but the browser says cross-site.
      { 'content-type': 'application/json', 'x-requested-with': 'drivebay', 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const response = await fetch(`${t.url}/api/v1/volumes`, {
        method: 'POST',
        headers: { ...headers, cookie: t.operator.cookie },
        body,
      });
      expect(response.status).toBe(403);
      expect(errorOf(await response.json()).message).toMatch(/cross-site request refused/);
    }
    expect((await call(t.admin, 'GET', '/api/v1/volumes/pvc-csrf')).status).toBe(404);
    const records = await auditRecords(t, '&result=denied&action=volumes');
    expect(records).toHaveLength(attempts.length);
    // Only the denial records were written.
    const { entries } = await t.store.range('');
    expect(entries.filter((e) => e.modRevision > before && !e.key.startsWith('audit/'))).toEqual([]);
  });

  it('lets the console’s own origin through, and bearer tokens without the header', async () => {
    const t = await start();
    const own = await t.operator.fetch('/api/v1/placement/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.url },
      body,
    });
    expect(own.status).toBe(200);
    const created = await call(t.operator, 'POST', '/api/v1/tokens', {
      name: 'ci',
      scopes: ['read', 'write'],
    });
    const { secret } = created.body as { secret: string };
    const viaToken = await fetch(`${t.url}/api/v1/placement/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body,
    });
    expect(viaToken.status).toBe(200);
  });
});

describe('audit', () => {
  it('records a composition in the same transaction as the volume, with who, where, what and the result', async () => {
    const t = await start();
    const composed = await call(t.operator, 'POST', '/api/v1/volumes', {
      name: 'pvc-audited',
      capacityBytes: 1e12,
    });
    expect(composed.status).toBe(201);
    const { volume } = ComposeResponseSchema.parse(composed.body);
    const volumeEntry = await t.store.get(`volumes/${volume.id}`);
    const [record] = await auditRecords(t, '&action=POST /api/v1/volumes');
    expect(record).toMatchObject({
      actor: 'user:otto',
      ip: '127.0.0.1',
      action: 'POST /api/v1/volumes',
      target: 'volume:pvc-audited',
      result: 'ok',
    });
    expect((await t.store.get(`audit/${record!.id}`))?.modRevision).toBe(volumeEntry?.modRevision);
  });

  it('records refusals and failures, and exports CSV', async () => {
    const t = await start();
    await call(t.viewer, 'POST', '/api/v1/volumes', { name: 'pvc-no', capacityBytes: 1e12 });
    await call(t.operator, 'POST', '/api/v1/volumes', { name: 'pvc-bad', capacityBytes: -1 });
    await login(t.url, 'vera', 'not the password!');
    const records = await auditRecords(t);
    expect(records.find((r) => r.target === 'volume:pvc-no')).toMatchObject({
      actor: 'user:vera',
      result: 'denied',
      status: 403,
      detail: 'PERMISSION_DENIED',
    });
    expect(records.find((r) => r.target === 'volume:pvc-bad')).toMatchObject({
      result: 'rejected',
      status: 400,
    });
    expect(
      records.find((r) => r.action === 'POST /api/v1/auth/login' && r.result === 'denied'),
    ).toMatchObject({
      actor: 'anonymous',
      target: 'user:vera',
      status: 401,
    });
    const csv = await t.viewer.fetch('/api/v1/audit?format=csv&result=denied');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor,ip,action,target,result,status,detail');
    expect(lines.length).toBeGreaterThanOrEqual(3);
  });

  it('never stores a password, session cookie or token secret anywhere', async () => {
    const t = await start();
    const secrets = ['a very secret passphrase', 'wrong but secret 42'];
    await call(t.admin, 'POST', '/api/v1/users', { username: 'sam', role: 'operator', password: secrets[0] });
    await login(t.url, 'sam', secrets[1]!);
    const sam = await signIn(t.url, 'sam', secrets[0]!);
    const token = (await call(sam, 'POST', '/api/v1/tokens', { name: 'x', scopes: ['read'] })).body as {
      secret: string;
    };
    await call(t.admin, 'PATCH', '/api/v1/users/sam', { password: 'another secret passphrase' });
    const dump = JSON.stringify((await t.store.range('')).entries);
    for (const secret of [...secrets, 'another secret passphrase', token.secret, sam.cookie.split('=')[1]!]) {
      expect(dump).not.toContain(secret);
    }
  });
});

describe('users', () => {
  it('never lets the last admin go, and names the field of a bad request', async () => {
    const t = await start();
    const demote = await call(t.admin, 'PATCH', '/api/v1/users/ada', { role: 'operator' });
    expect(demote.status).toBe(412);
    expect(errorOf(demote.body).message).toMatch(/last admin/);
    const short = await call(t.admin, 'POST', '/api/v1/users', {
      username: 'bob',
      role: 'viewer',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(errorOf(short.body)).toMatchObject({
      field: 'body.password',
      message: 'body.password: must be at least 12 characters',
    });
    const again = await call(t.admin, 'POST', '/api/v1/users', {
      username: 'vera',
      role: 'viewer',
      password: 'long enough password',
    });
    expect(again.status).toBe(409);
  });
});

describe('headers', () => {
  it('sends a strict CSP, nosniff and a referrer policy; no HSTS over plain HTTP', async () => {
    const t = await start();
    const response = await fetch(`${t.url}/healthz`);
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "script-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});
