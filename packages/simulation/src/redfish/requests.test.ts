import { afterEach, describe, expect, it } from 'vitest';
import type { AnsweredRequest } from './options.js';
import { type Body, TestClient } from './testing/redfish-client.js';
import { SseReader } from './testing/sse-reader.js';
import { CREDENTIALS, startTestService, type TestService } from './testing/test-service.js';

let running: TestService | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function serve(options: Parameters<typeof startTestService>[0] = {}) {
  running = await startTestService(options);
  const client = await TestClient.login(running.url, CREDENTIALS.userName, CREDENTIALS.password);
  const [first] = [...running.site.enclosureList()];
  const drive = first && [...first.bays.values()][0];
  if (!first || !drive) throw new Error('the small site has an enclosure with drives');
  const chassis = `/redfish/v1/Chassis/${first.enclosure.id}`;
  return {
    ...running,
    client,
    enclosure: first.enclosure,
    drive,
    chassis,
    drivePath: `${chassis}/Drives/${drive.id}`,
  };
}

function expectError(status: number, body: Body, expected: { status: number; messageId: string }) {
  expect(status).toBe(expected.status);
  expect(body.error.code).toBe('Base.1.8.GeneralError');
  expect(body.error['@Message.ExtendedInfo'][0].MessageId).toBe(`Base.1.8.${expected.messageId}`);
}

describe('Redfish locate LEDs', () => {
  it('lights a drive’s and an enclosure’s locate LED by PATCH, shows it on GET and raises ResourceChanged', async () => {
    const { client, site, chassis, drivePath } = await serve();
    const { reader } = await SseReader.open(`${client.base}/redfish/v1/EventService/SSE`, {
      'x-auth-token': client.token,
    });
    try {
      const lit = await client.patch(drivePath, { LocationIndicatorActive: true });
      expect(lit.status).toBe(200);
      expect(lit.body.LocationIndicatorActive).toBe(true);
      expect((await client.read(drivePath)).LocationIndicatorActive).toBe(true);
      const [record] = JSON.parse((await reader.next())?.data ?? '{}').Events;
      expect(record).toMatchObject({
        MessageId: 'ResourceEvent.1.0.ResourceChanged',
        OriginOfCondition: { '@odata.id': drivePath },
      });

      expect((await client.patch(chassis, { IndicatorLED: 'Blinking' })).status).toBe(200);
      expect((await client.read(chassis)).LocationIndicatorActive).toBe(true);
      expect(site.locateActive(chassis.split('/').at(-1) ?? '')).toBe(true);
      await client.patch(chassis, { LocationIndicatorActive: false });
      expect((await client.read(chassis)).LocationIndicatorActive).toBe(false);
    } finally {
      reader.close();
    }
  });

  it('refuses a PATCH with a stale If-Match, of an unknown property, or of a value of the wrong type', async () => {
    const { client, drivePath } = await serve();
    const { etag } = await client.get(drivePath);
    await client.patch(drivePath, { LocationIndicatorActive: true });
    const stale = await client.patch(
      drivePath,
      { LocationIndicatorActive: false },
      { 'if-match': etag ?? '' },
    );
    expectError(stale.status, stale.body, { status: 412, messageId: 'PreconditionFailed' });
    const unknown = await client.patch(drivePath, { SerialNumber: 'X' });
    expectError(unknown.status, unknown.body, { status: 400, messageId: 'PropertyUnknown' });
    const wrongType = await client.patch(drivePath, { LocationIndicatorActive: 'yes' });
    expectError(wrongType.status, wrongType.body, { status: 400, messageId: 'PropertyValueTypeError' });
    const notInList = await client.patch(drivePath, { IndicatorLED: 'Purple' });
    expectError(notInList.status, notInList.body, { status: 400, messageId: 'PropertyValueNotInList' });
    const badJson = await client.patch(drivePath, '{"LocationIndicatorActive": tru');
    expectError(badJson.status, badJson.body, { status: 400, messageId: 'MalformedJSON' });
    const array = await client.patch(drivePath, '[]');
    expectError(array.status, array.body, { status: 400, messageId: 'PropertyValueTypeError' });
    expect((await client.read(drivePath)).LocationIndicatorActive).toBe(true);
  });
});

describe('Redfish answers to odd requests', () => {
  it('answers unknown paths 404 and unsupported methods 405, with an Allow header', async () => {
    const { client, drivePath } = await serve();
    for (const path of [
      '/redfish/v1/Nope',
      '/redfish/v1/Chassis/enc-none',
      `${drivePath}/extra`,
      '/redfish/v1/Chassis/%zz',
      '/',
    ]) {
      const { status, body } = await client.get(path);
      expectError(status, body, { status: 404, messageId: 'ResourceNotFound' });
    }
    const post = await client.fetch('/redfish/v1/Chassis', { method: 'POST', body: '{}' });
    expectError(post.status, (await post.json()) as Body, { status: 405, messageId: 'OperationNotAllowed' });
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const del = await client.fetch(drivePath, { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD, PATCH');
    const patchRack = await client.patch('/redfish/v1/Systems', { LocationIndicatorActive: true });
    expect(patchRack.status).toBe(405);
  });

  it('answers bad query strings 400 and unsupported query parameters 501', async () => {
    const { client } = await serve();
    for (const query of ['$top=-1', '$skip=abc', '$expand=*($levels=9)', '$expand=!', '$top=1e3']) {
      const { status, body } = await client.get(`/redfish/v1/Chassis?${query}`);
      expect(status, query).toBe(400);
      expect(body.error['@Message.ExtendedInfo'][0].MessageId).toMatch(/^Base\.1\.8\.QueryParameter/);
    }
    const filter = await client.get('/redfish/v1/Chassis?$filter=Id%20eq%201');
    expectError(filter.status, filter.body, { status: 501, messageId: 'QueryNotSupported' });
    expect((await client.get('/redfish/v1/Chassis?unrelated=1')).status).toBe(200);
  });

  it('survives a flood of odd input and keeps answering', async () => {
    const { client, url } = await serve();
    const odd = [
      client.fetch('/redfish/v1/SessionService/Sessions', { method: 'POST', body: 'x'.repeat(100_000) }),
      client.fetch('/redfish/v1/EventService/Subscriptions', { method: 'POST', body: '{"Destination": 5}' }),
      client.fetch('/redfish/v1/EventService/Subscriptions', {
        method: 'POST',
        body: '{"Destination": "file:///etc/passwd"}',
      }),
      fetch(`${url}/redfish/v1/SessionService/Sessions`, { method: 'POST', body: 'null' }),
      client.fetch('/redfish/v1/EventService/SSE', { method: 'POST' }),
      client.fetch('/redfish/v1/', { method: 'PUT' }),
    ];
    const statuses = await Promise.all(odd.map(async (r) => (await r).status));
    expect(statuses).toEqual([413, 400, 400, 400, 405, 405]);
    expect((await client.get('/redfish/v1/Chassis')).status).toBe(200);
  });
});

describe('Redfish service faults (test hooks)', () => {
  it('answers 503 while failing, then serves again once cleared', async () => {
    const { client, faults } = await serve();
    faults.failRequests(503);
    const failing = await client.get('/redfish/v1/Chassis');
    expectError(failing.status, failing.body, { status: 503, messageId: 'ServiceTemporarilyUnavailable' });
    expect((await fetch(`${client.base}/redfish/v1/`)).status).toBe(503);
    faults.clear();
    expect((await client.get('/redfish/v1/Chassis')).status).toBe(200);
    faults.failRequests(500, { count: 1, pathPrefix: '/redfish/v1/Systems' });
    expect((await client.get('/redfish/v1/Chassis')).status).toBe(200);
    expect((await client.get('/redfish/v1/Systems')).status).toBe(500);
    expect((await client.get('/redfish/v1/Systems')).status).toBe(200);
  });

  it('serves malformed JSON at one path, and delays answers', async () => {
    const { client, faults } = await serve();
    faults.serveMalformedJson('/redfish/v1/Systems');
    const res = await client.fetch('/redfish/v1/Systems?$top=5');
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
    expect((await client.get('/redfish/v1/Chassis')).status).toBe(200);
    faults.clear();
    faults.delayResponses(30);
    const answered = await client.get('/redfish/v1/Systems');
    expect(answered.status).toBe(200);
  });

  it('can stop and listen again; what changed meanwhile shows in ETags and in the replayed events', async () => {
    const { client, service, site, drive, drivePath } = await serve();
    const before = await client.get(drivePath);
    await service.stop();
    await expect(fetch(`${client.base}/redfish/v1/`)).rejects.toThrow();
    await site.inject({ kind: 'drive-fail', driveId: drive.id });
    await service.start({ host: '127.0.0.1', port: Number(new URL(client.base).port) });
    expect((await client.get(drivePath, { 'if-none-match': before.etag ?? '' })).status).toBe(200);
    const { reader } = await SseReader.open(`${client.base}/redfish/v1/EventService/SSE`, {
      'x-auth-token': client.token,
      'last-event-id': '0',
    });
    const [record] = JSON.parse((await reader.next())?.data ?? '{}').Events;
    reader.close();
    expect(record.OriginOfCondition['@odata.id']).toBe(drivePath);
  });
});

describe('Redfish service, what it answered', () => {
  it('tells onAnswered of each answer: method, path without query, status and bytes on the wire', async () => {
    const answers: AnsweredRequest[] = [];
    const { client, drivePath } = await serve({ onAnswered: (answer) => answers.push(answer) });
    const first = await client.get(drivePath);
    const text = JSON.stringify(first.body);
    await client.get(drivePath, { 'if-none-match': first.etag ?? '' });
    await client.get('/redfish/v1/Nowhere');
    // 'finish' follows the last byte: wait for the service to have seen the last answer out.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answers.map(({ method, path, status }) => [method, path, status])).toEqual([
      ['POST', '/redfish/v1/SessionService/Sessions', 201],
      ['GET', drivePath, 200],
      ['GET', drivePath, 304],
      ['GET', '/redfish/v1/Nowhere', 404],
    ]);
    // The body and its headers; a 304 only headers.
    expect(answers[1]?.bytes).toBeGreaterThan(Buffer.byteLength(text));
    expect(answers[1]?.bytes).toBeLessThan(Buffer.byteLength(text) + 500);
    expect(answers[2]?.bytes).toBeLessThan(500);
  });
});
