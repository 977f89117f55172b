import {
  decodeDriveColumns,
  ErrorBodySchema,
  EventsPageSchema,
  TopologySnapshotSchema,
} from '@drivebay/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startTestApp, type TestApp } from './testing/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.stop();
  removeDir(t.dataDir);
});

async function topology() {
  const response = await t.admin.fetch(`/api/v1/topology`);
  const snapshot = TopologySnapshotSchema.parse(await response.json());
  return { response, snapshot, drives: decodeDriveColumns(snapshot.drives) };
}

async function inject(body: unknown) {
  const response = await t.admin.fetch(`/api/v1/admin/simulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function drive(id: string) {
  const response = await t.admin.fetch(`/api/v1/drives/${id}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('health', () => {
  it('answers liveness and readiness once started', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok' });
  });
});

describe('GET /api/v1/topology', () => {
  it('returns the simulated site compressed, with its revision', async () => {
    const { response, snapshot, drives } = await topology();
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(snapshot.revision).toBeGreaterThan(0);
    expect(drives.length).toBeGreaterThan(200);
    expect(snapshot.enclosures.length).toBeGreaterThan(3);
    expect(new Set(drives.map((d) => d.enclosure))).toEqual(new Set(snapshot.enclosures.map((e) => e.id)));
  });

  it('answers 304 to a client that already has the revision', async () => {
    const { response } = await topology();
    const again = await t.admin.fetch(`/api/v1/topology`, {
      headers: { 'if-none-match': response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });
});

describe('errors', () => {
  it('answers unknown API routes with a JSON 404', async () => {
    const response = await t.admin.fetch(`/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(ErrorBodySchema.parse(await response.json()).error.code).toBe('NOT_FOUND');
  });

  it.each([
    [{}, 'body.kind'],
    [{ kind: 'drive-explode', driveId: 'drv-1' }, 'body.kind'],
    [{ kind: 'drive-fail' }, 'body.driveId'],
    [{ kind: 'drive-fail', driveId: 'UPPER CASE' }, 'body.driveId'],
    [{ kind: 'enclosure-offline', driveId: 'drv-1' }, 'body.enclosureId'],
  ])('rejects fault %j with a 400 naming %s', async (body, field) => {
    const { status, body: error } = await inject(body);
    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(error).error).toMatchObject({ code: 'INVALID_ARGUMENT', field });
  });

  it('rejects malformed JSON with a 400 naming the body', async () => {
    const { status, body } = await inject('{"kind": ');
    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(body).error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'body' });
  });

  it('answers a fault on an unknown drive with NOT_FOUND', async () => {
    const { status, body } = await inject({ kind: 'drive-fail', driveId: 'drv-does-not-exist' });
    expect(status).toBe(404);
    expect(ErrorBodySchema.parse(body).error).toMatchObject({ code: 'NOT_FOUND', field: 'driveId' });
  });

  it('rejects an invalid drive id in the path', async () => {
    const { status, body } = await drive('Not%20An%20Id');
    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(body).error.field).toBe('id');
  });
});

describe('fault injection through the ingest path', () => {
  it('fails a drive once; repeating the fault commits nothing more', async () => {
    const { drives } = await topology();
    const target = drives.find((d) => d.health === 'ok')!;
    const first = await inject({ kind: 'drive-fail', driveId: target.id });
    expect(first.status).toBe(202);
    expect((await drive(target.id)).body.health).toBe('failed');
    const again = await inject({ kind: 'drive-fail', driveId: target.id });
    expect(again.body.revision).toBe(first.body.revision);
  });

  it('replaces a drive: the old one is gone, a healthy new one sits in the same bay', async () => {
    const { drives } = await topology();
    const old = drives.find((d) => d.health === 'ok')!;
    const { status, body } = await inject({ kind: 'drive-replace', driveId: old.id });
    expect(status).toBe(202);
    const newId = String(body.newDriveId);
    expect((await drive(old.id)).status).toBe(404);
    expect((await drive(newId)).body).toMatchObject({ enclosure: old.enclosure, bay: old.bay, health: 'ok' });
  });

  it('takes an enclosure offline and back; a drive that failed inside it stays failed', async () => {
    const { snapshot, drives } = await topology();
    const enclosure = snapshot.enclosures.find((e) => e.state === 'online')!;
    const inside = drives.filter((d) => d.enclosure === enclosure.id && d.health === 'ok');
    await inject({ kind: 'drive-fail', driveId: inside[0]!.id });
    expect((await inject({ kind: 'enclosure-offline', enclosureId: enclosure.id })).status).toBe(202);
    const offline = await topology();
    expect(offline.snapshot.enclosures.find((e) => e.id === enclosure.id)?.state).toBe('offline');
    expect(
      offline.drives.filter((d) => d.enclosure === enclosure.id).every((d) => d.health === 'offline'),
    ).toBe(true);

    await inject({ kind: 'enclosure-online', enclosureId: enclosure.id });
    const back = await topology();
    const healths = new Map(back.drives.map((d) => [d.id, d.health]));
    expect(healths.get(inside[0]!.id)).toBe('failed');
    expect(inside.slice(1).every((d) => healths.get(d.id) === 'ok')).toBe(true);
  });
});

describe('restart', () => {
  it('keeps every committed change and continues the revision sequence', async () => {
    const { drives } = await topology();
    const target = drives.find((d) => d.health === 'ok')!;
    const { body } = await inject({ kind: 'drive-degrade', driveId: target.id });
    await t.stop();
    t = await startTestApp({ dataDir: t.dataDir });
    const after = await topology();
    expect(after.snapshot.revision).toBeGreaterThanOrEqual(Number(body.revision));
    expect(after.drives.find((d) => d.id === target.id)?.health).toBe('degraded');
    const next = await inject({ kind: 'drive-fail', driveId: target.id });
    expect(Number(next.body.revision)).toBeGreaterThan(Number(body.revision));
  });
});

describe('GET /api/v1/events', () => {
  it('lists the events about an object, newest first, with the revision that committed them', async () => {
    const { drives } = await topology();
    const target = drives.find((d) => d.health === 'ok')!;
    const degraded = await inject({ kind: 'drive-degrade', driveId: target.id });
    const failed = await inject({ kind: 'drive-fail', driveId: target.id });
    const response = await t.admin.fetch(`/api/v1/events?object=drive:${target.id}`);
    const page = EventsPageSchema.parse(await response.json());
    expect(page.events.slice(0, 2).map((e) => [e.type, e.revision])).toEqual([
      ['DriveFailed', failed.body.revision],
      ['DriveHealthChanged', degraded.body.revision],
    ]);
    expect(page.events[0]).toMatchObject({ actor: 'hardware:simulator', severity: 'critical' });
  });

  it('pages with before and filters by type', async () => {
    const first = EventsPageSchema.parse(
      await (await t.admin.fetch(`/api/v1/events?limit=1&type=DriveFailed`)).json(),
    );
    expect(first.events).toHaveLength(1);
    expect(first.nextBefore).not.toBeNull();
    const next = EventsPageSchema.parse(
      await (
        await t.admin.fetch(`/api/v1/events?limit=1&type=DriveFailed&before=${first.nextBefore}`)
      ).json(),
    );
    expect(next.events[0]!.id < first.events[0]!.id).toBe(true);
    expect([...first.events, ...next.events].every((e) => e.type === 'DriveFailed')).toBe(true);
  });

  it('filters by source, the kind of actor', async () => {
    const { drives } = await topology();
    await inject({ kind: 'drive-degrade', driveId: drives.find((d) => d.health === 'ok')!.id });
    const hardware = EventsPageSchema.parse(
      await (await t.admin.fetch('/api/v1/events?source=hardware')).json(),
    );
    expect(hardware.events.length).toBeGreaterThan(0);
    expect(hardware.events.every((e) => e.actor.startsWith('hardware:'))).toBe(true);
    const nobody = EventsPageSchema.parse(await (await t.admin.fetch('/api/v1/events?source=nobody')).json());
    expect(nobody.events).toEqual([]);
  });

  it.each([
    ['source=Not A Word', 'query.source.0'],
    ['limit=0', 'query.limit'],
    ['type=Nonsense', 'query.type.0'],
    ['since=yesterday', 'query.since'],
    ['colour=blue', 'query'],
  ])('rejects ?%s with a 400 naming %s', async (query, field) => {
    const response = await t.admin.fetch(`/api/v1/events?${query}`);
    expect(response.status).toBe(400);
    expect(ErrorBodySchema.parse(await response.json()).error.field).toBe(field);
  });
});
