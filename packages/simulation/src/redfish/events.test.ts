import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultRequest } from '@drivebay/api-types';
import { afterEach, describe, expect, it } from 'vitest';
import { type Body, TestClient } from './testing/redfish-client.js';
import { SseReader } from './testing/sse-reader.js';
import { CREDENTIALS, startTestService, type TestService } from './testing/test-service.js';

let running: TestService | undefined;
const readers: SseReader[] = [];
afterEach(async () => {
  for (const reader of readers.splice(0)) reader.close();
  await running?.stop();
  running = undefined;
});

async function serve(options: Parameters<typeof startTestService>[0] = {}) {
  running = await startTestService(options);
  const client = await TestClient.login(running.url, CREDENTIALS.userName, CREDENTIALS.password);
  const [first, second] = [...running.site.enclosureList()];
  if (!first || !second) throw new Error('the small site has enclosures');
  const drive = [...first.bays.values()][0];
  if (!drive) throw new Error('the first enclosure holds drives');
  return { ...running, client, enclosure: first.enclosure, other: second.enclosure, drive };
}

async function events(client: TestClient, lastEventId?: string): Promise<SseReader> {
  const headers: Record<string, string> = { 'x-auth-token': client.token };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  const { status, reader } = await SseReader.open(`${client.base}/redfish/v1/EventService/SSE`, headers);
  expect(status).toBe(200);
  readers.push(reader);
  return reader;
}

function records(data: string): Body[] {
  const event = JSON.parse(data) as Body;
  expect(event['@odata.type']).toMatch(/^#Event\.v1_\d+_\d+\.Event$/);
  return event.Events as Body[];
}

describe('Redfish events from the simulated site', () => {
  it('advertises its SSE stream, and answers 404 for it when SSE is switched off', async () => {
    const on = await serve();
    expect((await on.client.read('/redfish/v1/EventService')).ServerSentEventUri).toBe(
      '/redfish/v1/EventService/SSE',
    );
    await on.stop();
    const off = await serve({ sse: false });
    expect((await off.client.read('/redfish/v1/EventService')).ServerSentEventUri).toBeUndefined();
    expect((await off.client.get('/redfish/v1/EventService/SSE')).status).toBe(404);
  });

  it('sends an event for each fault naming its origin, and serves what the fault changed', async () => {
    const { client, site, enclosure, drive } = await serve();
    const stream = await events(client);
    const drivePath = `/redfish/v1/Chassis/${enclosure.id}/Drives/${drive.id}`;
    const serverId = site.serverList()[0]?.id ?? '';
    const cases: [FaultRequest, string, string][] = [
      [{ kind: 'drive-degrade', driveId: drive.id }, 'ResourceStatusChangedWarning', drivePath],
      [{ kind: 'drive-fail', driveId: drive.id }, 'ResourceStatusChangedCritical', drivePath],
      [
        { kind: 'enclosure-offline', enclosureId: enclosure.id },
        'ResourceStatusChangedCritical',
        `/redfish/v1/Chassis/${enclosure.id}`,
      ],
      [
        { kind: 'enclosure-online', enclosureId: enclosure.id },
        'ResourceStatusChangedOK',
        `/redfish/v1/Chassis/${enclosure.id}`,
      ],
      [{ kind: 'server-down', serverId }, 'ResourceStatusChangedCritical', `/redfish/v1/Systems/${serverId}`],
      [{ kind: 'server-up', serverId }, 'ResourceStatusChangedOK', `/redfish/v1/Systems/${serverId}`],
    ];
    for (const [fault, messageId, origin] of cases) {
      await site.inject(fault);
      const message = await stream.next();
      expect(message?.id).toMatch(/^\d+$/);
      const [record] = records(message?.data ?? '{}');
      expect(record).toMatchObject({
        MessageId: `ResourceEvent.1.0.${messageId}`,
        OriginOfCondition: { '@odata.id': origin },
      });
      expect(typeof record?.EventTimestamp).toBe('string');
    }
    expect((await client.read(drivePath)).Status).toEqual({ State: 'Enabled', Health: 'Critical' });
  });

  it('serves an unreachable enclosure as UnavailableOffline and its drives as 503', async () => {
    const { client, site, enclosure, drive } = await serve();
    await site.inject({ kind: 'enclosure-offline', enclosureId: enclosure.id });
    expect((await client.read(`/redfish/v1/Chassis/${enclosure.id}`)).Status.State).toBe(
      'UnavailableOffline',
    );
    const drive503 = await client.get(`/redfish/v1/Chassis/${enclosure.id}/Drives/${drive.id}`);
    expect(drive503.status).toBe(503);
    expect(drive503.body.error['@Message.ExtendedInfo'][0].MessageId).toBe(
      'Base.1.8.ServiceTemporarilyUnavailable',
    );
    expect((await client.get(`/redfish/v1/Chassis/${enclosure.id}/Drives`)).status).toBe(503);
    // Expanded, its drives stay references: the manager cannot read them.
    const expanded = await client.read(`/redfish/v1/Chassis/${enclosure.id}?$expand=*`);
    expect(Object.keys(expanded.Links.Drives[0])).toEqual(['@odata.id']);
    await site.inject({ kind: 'enclosure-online', enclosureId: enclosure.id });
    expect((await client.get(`/redfish/v1/Chassis/${enclosure.id}/Drives/${drive.id}`)).status).toBe(200);
  });

  it('announces a replaced drive as removed and added, in the same bay', async () => {
    const { client, site, enclosure, drive } = await serve();
    const stream = await events(client);
    const { newDriveId } = await site.inject({ kind: 'drive-replace', driveId: drive.id });
    const [removed, added] = records((await stream.next())?.data ?? '{}');
    const drives = `/redfish/v1/Chassis/${enclosure.id}/Drives`;
    expect(removed).toMatchObject({
      MessageId: 'ResourceEvent.1.0.ResourceRemoved',
      OriginOfCondition: { '@odata.id': `${drives}/${drive.id}` },
    });
    expect(added).toMatchObject({
      MessageId: 'ResourceEvent.1.0.ResourceAdded',
      OriginOfCondition: { '@odata.id': `${drives}/${newDriveId}` },
    });
    expect((await client.get(`${drives}/${drive.id}`)).status).toBe(404);
    const fresh = await client.read(`${drives}/${newDriveId}`);
    expect(fresh.PhysicalLocation.PartLocation.LocationOrdinalValue).toBe(drive.bay);
    expect(`drv-${String(fresh.SerialNumber).toLowerCase()}`).toBe(newDriveId);
  });

  it('replays what a reconnecting client missed after its Last-Event-ID, also after a dropped stream', async () => {
    const { client, site, faults, drive, other } = await serve();
    const first = await events(client);
    await site.inject({ kind: 'drive-degrade', driveId: drive.id });
    const seen = await first.next();
    faults.dropEventStreams();
    await first.closed();
    await site.inject({ kind: 'drive-fail', driveId: drive.id });
    await site.inject({ kind: 'enclosure-offline', enclosureId: other.id });

    const resumed = await events(client, seen?.id);
    const missed = [await resumed.next(), await resumed.next()];
    expect(missed.map((m) => Number(m?.id))).toEqual([Number(seen?.id) + 1, Number(seen?.id) + 2]);
    expect(records(missed[0]?.data ?? '{}')[0]?.MessageId).toBe(
      'ResourceEvent.1.0.ResourceStatusChangedCritical',
    );
    await site.inject({ kind: 'enclosure-online', enclosureId: other.id });
    expect(records((await resumed.next())?.data ?? '{}')[0]?.MessageId).toBe(
      'ResourceEvent.1.0.ResourceStatusChangedOK',
    );
  });

  it('tells a client whose Last-Event-ID it no longer holds that events were lost', async () => {
    const { client, site, drive } = await serve({ eventBuffer: 2 });
    for (const kind of ['drive-degrade', 'drive-fail', 'drive-degrade', 'drive-fail'] as const)
      await site.inject({ kind, driveId: drive.id });
    const stale = await events(client, '1');
    const gap = await stale.next();
    expect(records(gap?.data ?? '{}')[0]?.MessageId).toBe('Base.1.8.EventBufferExceeded');
    expect(gap?.id).toBe('4');
    const fromAnotherRun = await events(client, '999');
    expect(records((await fromAnotherRun.next())?.data ?? '{}')[0]?.MessageId).toBe(
      'Base.1.8.EventBufferExceeded',
    );
    const held = await events(client, '2');
    expect([(await held.next())?.id, (await held.next())?.id]).toEqual(['3', '4']);
  });

  it('keeps a quiet stream alive with heartbeat comments, and closes it at logout', async () => {
    const { client } = await serve({ heartbeatMs: 10 });
    const stream = await events(client);
    while (stream.comments < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await client.fetch(client.sessionUri, { method: 'DELETE' });
    await stream.closed();
    expect(stream.ended).toBe(true);
  });

  it('sends a storm as many events, split into Events of bounded size', async () => {
    const { client, site } = await serve({ recordsPerEvent: 50 });
    const stream = await events(client);
    await site.inject({ kind: 'drive-storm', changes: 120, perSecond: 5_000 });
    const sizes: number[] = [];
    while (sizes.reduce((a, b) => a + b, 0) < 120)
      sizes.push(records((await stream.next())?.data ?? '{}').length);
    expect(sizes).toEqual([50, 50, 20]);
  });

  it('changes the ETag of what a fault changed, and answers 304 while nothing did', async () => {
    const { client, site, enclosure, drive } = await serve();
    const drivePath = `/redfish/v1/Chassis/${enclosure.id}/Drives/${drive.id}`;
    const page = '/redfish/v1/Chassis?$expand=*($levels=2)';
    const before = await client.get(drivePath);
    const pageBefore = await client.get(page);
    expect(before.etag).toMatch(/^"[^"]+"$/);
    expect((await client.fetch(drivePath, { headers: { 'if-none-match': before.etag ?? '' } })).status).toBe(
      304,
    );
    await site.inject({ kind: 'drive-fail', driveId: drive.id });
    const after = await client.get(drivePath, { 'if-none-match': before.etag ?? '' });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect((await client.get(page, { 'if-none-match': pageBefore.etag ?? '' })).status).toBe(200);
  });

  it('POSTs events to a subscription’s destination', async () => {
    const received: Body[] = [];
    const destination = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        received.push(JSON.parse(text) as Body);
        res.end();
      });
    });
    await new Promise<void>((resolve) => destination.listen(0, '127.0.0.1', resolve));
    try {
      const { client, site, drive } = await serve();
      const port = (destination.address() as AddressInfo).port;
      const created = await client.fetch('/redfish/v1/EventService/Subscriptions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          Destination: `http://127.0.0.1:${port}/events`,
          Protocol: 'Redfish',
          Context: 'bff',
        }),
      });
      expect(created.status).toBe(201);
      expect((await client.read(created.headers.get('location') ?? '')).Destination).toContain(String(port));
      await site.inject({ kind: 'drive-fail', driveId: drive.id });
      while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(received[0]?.Context).toBe('bff');
      expect(received[0]?.Events[0].MessageId).toBe('ResourceEvent.1.0.ResourceStatusChangedCritical');
    } finally {
      destination.close();
    }
  });
});
