import { afterEach, describe, expect, it } from 'vitest';
import { type Body, TestClient } from './testing/redfish-client.js';
import { CREDENTIALS, startTestService, type TestService } from './testing/test-service.js';

let running: TestService | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function login(url: string, body: unknown) {
  const res = await fetch(`${url}/redfish/v1/SessionService/Sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { res, body: (await res.json()) as Body };
}

function expectRedfishError(body: Body, messageId: string) {
  expect(body.error.code).toBe('Base.1.8.GeneralError');
  expect(typeof body.error.message).toBe('string');
  expect(body.error['@Message.ExtendedInfo'][0].MessageId).toBe(messageId);
}

describe('Redfish sessions', () => {
  it('logs in, serves with the token, lists the session and logs out', async () => {
    running = await startTestService({ sessionTimeoutSeconds: 60 });
    const client = await TestClient.login(running.url, CREDENTIALS.userName, CREDENTIALS.password);
    expect(client.sessionUri).toMatch(/^\/redfish\/v1\/SessionService\/Sessions\/[0-9a-f]+$/);
    expect((await client.read('/redfish/v1/SessionService')).SessionTimeout).toBe(60);
    const sessions = await client.read('/redfish/v1/SessionService/Sessions');
    expect(sessions.Members).toContainEqual({ '@odata.id': client.sessionUri });
    expect((await client.read(client.sessionUri)).UserName).toBe(CREDENTIALS.userName);

    const logout = await client.fetch(client.sessionUri, { method: 'DELETE' });
    expect(logout.status).toBe(204);
    const after = await client.get('/redfish/v1/Chassis');
    expect(after.status).toBe(401);
    expectRedfishError(after.body, 'Base.1.8.NoValidSession');
  });

  it('expires a session left idle longer than its timeout, and keeps one in use alive', async () => {
    running = await startTestService({ sessionTimeoutSeconds: 30 });
    const client = await TestClient.login(running.url, CREDENTIALS.userName, CREDENTIALS.password);
    for (let i = 0; i < 4; i++) {
      running.clock.advance(20);
      expect((await client.get('/redfish/v1/Systems')).status).toBe(200);
    }
    running.clock.advance(31);
    const expired = await client.get('/redfish/v1/Systems');
    expect(expired.status).toBe(401);
    expectRedfishError(expired.body, 'Base.1.8.NoValidSession');
    const again = await TestClient.login(running.url, CREDENTIALS.userName, CREDENTIALS.password);
    expect((await again.get('/redfish/v1/Systems')).status).toBe(200);
  });

  it('refuses a wrong password and a malformed login with a Redfish error body', async () => {
    running = await startTestService();
    const wrong = await login(running.url, { UserName: CREDENTIALS.userName, Password: 'wrong' });
    expect(wrong.res.status).toBe(401);
    expect(wrong.res.headers.get('x-auth-token')).toBeNull();
    expectRedfishError(wrong.body, 'Base.1.8.ResourceAtUriUnauthorized');
    const notJson = await login(running.url, '{"UserName": ');
    expect(notJson.res.status).toBe(400);
    expectRedfishError(notJson.body, 'Base.1.8.MalformedJSON');
    const missing = await login(running.url, { UserName: 'admin' });
    expect(missing.res.status).toBe(400);
    expectRedfishError(missing.body, 'Base.1.8.PropertyMissing');
  });

  it('accepts basic auth as a fallback, and refuses wrong basic credentials or none', async () => {
    running = await startTestService();
    const chassis = `${running.url}/redfish/v1/Chassis`;
    const ok = await fetch(chassis, {
      headers: { authorization: basic(CREDENTIALS.userName, CREDENTIALS.password) },
    });
    expect(ok.status).toBe(200);
    const wrong = await fetch(chassis, { headers: { authorization: basic(CREDENTIALS.userName, 'nope') } });
    expect(wrong.status).toBe(401);
    expectRedfishError((await wrong.json()) as Body, 'Base.1.8.ResourceAtUriUnauthorized');
    const none = await fetch(chassis);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic /);
    expectRedfishError((await none.json()) as Body, 'Base.1.8.NoValidSession');
  });

  it('answers an unknown token with 401 even when basic credentials come along', async () => {
    running = await startTestService();
    const res = await fetch(`${running.url}/redfish/v1/Chassis`, {
      headers: { 'x-auth-token': 'forged', authorization: basic(CREDENTIALS.userName, CREDENTIALS.password) },
    });
    expect(res.status).toBe(401);
  });
});
