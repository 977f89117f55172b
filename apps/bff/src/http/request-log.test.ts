import { CreatedTokenSchema } from '@drivebay/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../auth/csrf.js';
import { call } from '../testing/http.js';
import { type CapturedLog, captureLog } from '../testing/log-capture.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let captured: CapturedLog;

beforeAll(async () => {
  captured = captureLog('debug');
  t = await startTestApp({ log: captured.log });
});
afterAll(async () => {
  await t.stop();
});

/** The request lines of one request id. */
const linesOf = (requestId: string) =>
  captured.records().filter((record) => record.msg === 'request' && record.requestId === requestId);

describe('the request log', () => {
  it('writes one line per request: id, method, path, route pattern, status, duration and user', async () => {
    const drive = t.app.inventory().drives.values().next().value;
    if (!drive) throw new Error('the test site has no drive');
    const response = await t.viewer.fetch(`/api/v1/drives/${drive.id}?view=full`);
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id') ?? '';
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const [line, ...more] = linesOf(requestId);
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 'info',
      method: 'GET',
      path: `/api/v1/drives/${drive.id}`,
      route: '/api/v1/drives/:id',
      status: 200,
      user: 'vera',
    });
    expect(line?.durationMs).toBeTypeOf('number');
    expect(line?.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(line)).not.toContain('view=full');
  });

  it('keeps a sane X-Request-Id it is given and replaces one that is not', async () => {
    const kept = await t.viewer.fetch('/api/v1/servers', { headers: { 'X-Request-Id': 'proxy-7f3a.1' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-7f3a.1');
    expect(linesOf('proxy-7f3a.1')).toHaveLength(1);
    const odd = 'a b\u00e9"}'.repeat(3);
    const replaced = await t.viewer.fetch('/api/v1/servers', { headers: { 'X-Request-Id': encodeURI(odd) } });
    const id = replaced.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(linesOf(id)).toHaveLength(1);
  });

  it('says the status of a refusal, and no user for a stranger', async () => {
    const response = await fetch(`${t.url}/api/v1/volumes`);
    expect(response.status).toBe(401);
    const [line] = linesOf(response.headers.get('x-request-id') ?? '');
    expect(line).toMatchObject({ level: 'info', method: 'GET', path: '/api/v1/volumes', status: 401 });
    expect(line).not.toHaveProperty('user');
  });

  it('names the token and its user for a Bearer request', async () => {
    const created = await call(t.operator, 'POST', '/api/v1/tokens', { name: 'log-test', scopes: ['read'] });
    const { token, secret } = CreatedTokenSchema.parse(created.body);
    const response = await fetch(`${t.url}/api/v1/volumes`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.status).toBe(200);
    const [line] = linesOf(response.headers.get('x-request-id') ?? '');
    expect(line).toMatchObject({ status: 200, user: 'otto', tokenId: token.id, route: '/api/v1/volumes' });
  });

  it('logs health probes at debug, so info stays about what people do', async () => {
    const response = await fetch(`${t.url}/healthz`);
    const [line] = linesOf(response.headers.get('x-request-id') ?? '');
    expect(line).toMatchObject({ level: 'debug', path: '/healthz', route: '/healthz', status: 200 });
  });

  it('never writes a password, token, session cookie or CSRF header it was sent', async () => {
    const password = 'log-secret-password-31';
    await t.app.security.users.create('lena', 'operator', password);
    // A failed sign-in first: the password typed wrong is as secret as the right one.
    const wrong = 'log-secret-wrong-password-17';
    for (const attempt of [wrong, password]) {
      await fetch(`${t.url}/api/v1/auth/login?password=${attempt}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
        body: JSON.stringify({ username: 'lena', password: attempt }),
      });
    }
    const login = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
      body: JSON.stringify({ username: 'lena', password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const sessionValue = cookie.split('=')[1] ?? '';
    expect(sessionValue.length).toBeGreaterThan(10);
    const signedIn = await fetch(`${t.url}/api/v1/servers`, {
      headers: { cookie, [CSRF_HEADER]: CSRF_VALUE },
    });
    expect(signedIn.status).toBe(200);
    const created = await call(t.admin, 'POST', '/api/v1/tokens', { name: 'secret-test', scopes: ['read'] });
    const { secret } = CreatedTokenSchema.parse(created.body);
    await fetch(`${t.url}/api/v1/volumes?token=${secret}`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    // A wrong token and a made-up cookie are someone's secret too.
    const forged = 'dbt_forged-token-value-0123456789';
    await fetch(`${t.url}/api/v1/volumes`, {
      headers: { authorization: `Bearer ${forged}`, cookie: 'drivebay_session=forged-cookie-value-42' },
    });

    const text = captured.lines.join('');
    expect(linesOf(login.headers.get('x-request-id') ?? '')).toHaveLength(1);
    for (const value of [password, wrong, sessionValue, secret, forged, 'forged-cookie-value-42'])
      expect(text).not.toContain(value);
  });

  it('writes every line as one JSON object', () => {
    expect(captured.lines.length).toBeGreaterThan(5);
    for (const line of captured.lines)
      expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    const records = captured.records();
    for (const record of records) {
      expect(record.level).toMatch(/^(debug|info|warn|error)$/);
      expect(typeof record.time).toBe('string');
      expect(typeof record.msg).toBe('string');
    }
  });
});

describe('the logger', () => {
  it('censors a secret field a caller passes by mistake, at the top or one level down', () => {
    const { log, lines } = captureLog('info');
    log.info('oops', { password: 'hunter2-top', user: { token: 'hunter2-nested' }, secretDir: '/var/x' });
    const text = lines.join('');
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toMatchObject({ password: '[redacted]', user: { token: '[redacted]' } });
    expect(JSON.parse(text)).toMatchObject({ secretDir: '/var/x' });
  });

  it('writes only lines at or above its level', () => {
    const { log, records } = captureLog('warn');
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(records().map((r) => [r.level, r.msg])).toEqual([
      ['warn', 'w'],
      ['error', 'e'],
    ]);
  });
});
