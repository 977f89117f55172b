import { afterEach, describe, expect, it } from 'vitest';
import { modernJbod } from './fixtures/modern-jbod.js';
import { FixtureRedfishServer } from './testing/fixture-server.js';
import { enclosureReports, startSource } from './testing/harness.js';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});

const credentials = { username: 'drivebay-reader', password: 's3cret-Pa55word' };

async function serve(sessions: boolean) {
  const server = new FixtureRedfishServer({
    resources: modernJbod(),
    auth: { ...credentials, sessions },
    sse: true,
  });
  await server.start();
  running.push(server);
  return server;
}

describe('authentication', () => {
  it('logs in with a session, sends its token, and logs out on stop', async () => {
    const server = await serve(true);
    const { source, observed } = await startSource([{ url: server.url, credentials }]);
    expect(observed[0]?.type).toBe('inventory');
    const reads = server.requests.filter((r) => r.method === 'GET' && r.url !== '/redfish/v1/');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.headers['x-auth-token'] === 'token-1' && !r.headers.authorization)).toBe(
      true,
    );
    expect(server.requestsTo('/redfish/v1/SessionService/Sessions', 'POST')).toHaveLength(1);
    await source.stop();
    expect(server.requestsTo('/redfish/v1/SessionService/Sessions/1', 'DELETE')).toHaveLength(1);
  });

  it('logs in again once when the session expires (401), and the request succeeds', async () => {
    const server = await serve(true);
    const { source, observed } = await startSource([{ url: server.url, credentials }]);
    running.push(source);
    await expect.poll(() => server.requestsTo('/redfish/v1/EventService/SSE').length).toBe(1);
    server.expireSessions();
    server.change('/redfish/v1/Chassis/enc-1/Drives/0', { Status: { State: 'Enabled', Health: 'Critical' } });
    await expect.poll(() => enclosureReports(observed).at(-1)?.drives[0]?.health).toBe('failed');
    expect(server.requestsTo('/redfish/v1/SessionService/Sessions', 'POST')).toHaveLength(2);
    expect(source.status()[0]?.state).toBe('up');
  });

  it('falls back to basic auth when the service has no session service', async () => {
    const server = await serve(false);
    const { source, observed } = await startSource([{ url: server.url, credentials }]);
    running.push(source);
    expect(observed[0]?.type === 'inventory' && observed[0].enclosures).toHaveLength(2);
    const reads = server.requests.filter(
      (r) => r.method === 'GET' && r.url.startsWith('/redfish/v1/Chassis'),
    );
    expect(reads.every((r) => r.headers.authorization?.startsWith('Basic '))).toBe(true);
  });

  it('says wrong credentials plainly, reports nothing, and never writes a credential to the log', async () => {
    const server = await serve(true);
    const { source, observed, log } = await startSource([
      { url: server.url, credentials: { username: credentials.username, password: 'wrong-Passw0rd' } },
    ]);
    running.push(source);
    expect(observed).toEqual([]);
    const [status] = source.status();
    expect(status?.state).toBe('down');
    expect(status?.lastError).toMatch(/login refused: HTTP 401/);
    const text = log.lines.join('\n');
    expect(text).toContain(server.url);
    expect(text).not.toContain('wrong-Passw0rd');
    expect(text).not.toContain(Buffer.from(`${credentials.username}:wrong-Passw0rd`).toString('base64'));
    expect(JSON.stringify(status)).not.toContain('wrong-Passw0rd');
  });

  it('never logs the password or the session token, whatever happens', async () => {
    const server = await serve(true);
    server.faults.push({
      match: (_m, p) => p === '/redfish/v1/Chassis/enc-1',
      times: 1,
      status: 500,
      body: `{"error":{"message":"bad ${credentials.password}"}}`,
    });
    const { source, log } = await startSource([{ url: server.url, credentials }]);
    server.down();
    await expect.poll(() => source.status()[0]?.state).toBe('down');
    await source.stop();
    const text = log.lines.join('\n');
    expect(log.lines.length).toBeGreaterThan(0);
    expect(text).not.toContain(credentials.password);
    expect(text).not.toContain('token-1');
  });
});
