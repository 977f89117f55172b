import { LIVE_NAMESPACE, SessionInfoSchema } from '@drivebay/api-types';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { clientWithCookie, signIn, testUsers } from '../testing/clients.js';
import { call, errorOf } from '../testing/http.js';
import { removeDir, startTestApp, type TestApp } from '../testing/test-app.js';

const apps: TestApp[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
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

/** A live socket of a signed-in client; resolves once connected. */
function liveSocket(t: TestApp, cookie: string): Promise<Socket> {
  const socket = io(`${t.url}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie },
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Resolves with how long the socket took to be closed by the server. */
function closedWithin(socket: Socket): Promise<number> {
  const from = Date.now();
  return new Promise((resolve) => socket.once('disconnect', () => resolve(Date.now() - from)));
}

describe('sessions', () => {
  it('answers who is signed in, with the limits; nothing without a session', async () => {
    const t = await start();
    const me = SessionInfoSchema.parse((await call(t.operator, 'GET', '/api/v1/auth/me')).body);
    expect(me.user).toEqual({ username: 'otto', role: 'operator', source: 'local' });
    expect(me.idleTimeoutSeconds).toBe(1800);
    const hours = (Date.parse(me.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    const anonymous = await fetch(`${t.url}/api/v1/auth/me`);
    expect(anonymous.status).toBe(401);
    expect(errorOf(await anonymous.json()).code).toBe('UNAUTHENTICATED');
  });

  it('sets an httpOnly, SameSite=Strict cookie (not Secure over plain HTTP)', async () => {
    const t = await start();
    const response = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'drivebay' },
      body: JSON.stringify(testUsers.viewer),
    });
    const cookie = response.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^drivebay_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('ends after the idle timeout, and at the absolute limit despite activity', async () => {
    const idle = await start({ security: { session: { idleMs: 1_000, absoluteMs: 60_000 } } });
    const viewer = await signIn(idle.url, testUsers.viewer.username, testUsers.viewer.password);
    expect((await viewer.fetch('/api/v1/auth/me')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_300));
    expect((await viewer.fetch('/api/v1/auth/me')).status).toBe(401);

    const absolute = await start({ security: { session: { idleMs: 60_000, absoluteMs: 1_500 } } });
    const busy = await signIn(absolute.url, testUsers.viewer.username, testUsers.viewer.password);
    for (let i = 0; i < 3; i++) {
      expect((await busy.fetch('/api/v1/auth/me')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 400));
    }
    await new Promise((r) => setTimeout(r, 500));
    expect((await busy.fetch('/api/v1/auth/me')).status).toBe(401);
  });

  it('sign-out ends the session and closes its sockets within a second', async () => {
    const t = await start();
    const viewer = await signIn(t.url, testUsers.viewer.username, testUsers.viewer.password);
    const socket = await liveSocket(t, viewer.cookie);
    const closed = closedWithin(socket);
    expect((await viewer.fetch('/api/v1/auth/logout', { method: 'POST' })).status).toBe(204);
    expect(await closed).toBeLessThan(1_000);
    expect((await viewer.fetch('/api/v1/auth/me')).status).toBe(401);
    // The other viewer session (t.viewer) lives on.
    expect((await t.viewer.fetch('/api/v1/auth/me')).status).toBe(200);
  });

  it('a password change signs the user out everywhere, sockets included', async () => {
    const t = await start();
    const other = await signIn(t.url, testUsers.operator.username, testUsers.operator.password);
    const socket = await liveSocket(t, other.cookie);
    const closed = closedWithin(socket);
    const change = await call(t.operator, 'POST', '/api/v1/auth/password', {
      currentPassword: testUsers.operator.password,
      newPassword: 'a brand new passphrase',
    });
    expect(change.status).toBe(204);
    expect(await closed).toBeLessThan(1_000);
    expect((await other.fetch('/api/v1/auth/me')).status).toBe(401);
    expect((await t.operator.fetch('/api/v1/auth/me')).status).toBe(401);
    await signIn(t.url, testUsers.operator.username, 'a brand new passphrase');
    await expect(signIn(t.url, testUsers.operator.username, testUsers.operator.password)).rejects.toThrow(
      /401/,
    );
  });

  it('a role change by an admin revokes the user’s sessions and sockets; the new role applies at next sign-in', async () => {
    const t = await start();
    const socket = await liveSocket(t, t.operator.cookie);
    const closed = closedWithin(socket);
    const demoted = await call(t.admin, 'PATCH', '/api/v1/users/otto', { role: 'viewer' });
    expect(demoted.status).toBe(200);
    expect(await closed).toBeLessThan(1_000);
    expect((await t.operator.fetch('/api/v1/auth/me')).status).toBe(401);
    const again = await signIn(t.url, testUsers.operator.username, testUsers.operator.password);
    const compose = await call(again, 'POST', '/api/v1/volumes', { name: 'pvc-x', capacityBytes: 1e12 });
    expect(compose.status).toBe(403);
    expect(errorOf(compose.body).message).toMatch(/needs the operator role; otto is viewer/);
  });

  it('keeps sessions across a restart (they live in the store)', async () => {
    const t = await start();
    const cookie = t.viewer.cookie;
    await t.stop();
    apps.pop();
    const again = await start({ dataDir: t.dataDir });
    expect((await clientWithCookie(again.url, 'vera', cookie).fetch('/api/v1/auth/me')).status).toBe(200);
  });
});
