import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ComposeResponseSchema,
  EventsPageSchema,
  PlacementPreviewSchema,
  type Volume,
  VolumeListSchema,
  VolumeSchema,
} from '@drivebay/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VolumeKeys } from './crypto/volume-keys.js';
import { call, errorOf } from './testing/http.js';
import { removeDir, startTestApp, type TestApp } from './testing/test-app.js';

let t: TestApp;
const GB = 1e9;

beforeAll(async () => {
  // A fast simulated copy rate, so that rebuilds finish within a test.
  t = await startTestApp({ rebuild: { bytesPerSecond: 1e12, intervalMs: 50 } });
});

afterAll(async () => {
  await t.stop();
  removeDir(t.dataDir);
});

const compose = (body: unknown) => call(t.admin, 'POST', '/api/v1/volumes', body);
const volume = async (id: string) =>
  VolumeSchema.parse((await call(t.admin, 'GET', `/api/v1/volumes/${id}`)).body);

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('composing volumes', () => {
  it('previews a placement without allocating anything', async () => {
    const request = {
      name: 'pvc-preview',
      capacityBytes: 50 * GB,
      parameters: { type: 'slice', redundancy: true },
    };
    const preview = PlacementPreviewSchema.parse(
      (await call(t.admin, 'POST', '/api/v1/placement/preview', request)).body,
    );
    expect(preview).toMatchObject({ feasible: true, layout: 'raid1', media: 'ssd' });
    if (preview.feasible) expect(preview.explanation.length).toBeGreaterThan(2);
    expect((await call(t.admin, 'GET', '/api/v1/volumes/pvc-preview')).status).toBe(404);
  });

  it('creates a volume once; the same request again returns it and allocates nothing more', async () => {
    const request = { name: 'pvc-idem', capacityBytes: 20 * GB, parameters: { type: 'slice' } };
    const first = await compose(request);
    expect(first.status).toBe(201);
    const created = ComposeResponseSchema.parse(first.body);
    expect(created).toMatchObject({
      created: true,
      volume: { lifecycle: 'Created', health: 'healthy', layout: 'single' },
    });
    const again = await compose(request);
    expect(again.status).toBe(200);
    expect(ComposeResponseSchema.parse(again.body)).toMatchObject({ created: false, volume: created.volume });
    const list = VolumeListSchema.parse((await call(t.admin, 'GET', '/api/v1/volumes?type=slice')).body);
    expect(list.volumes.filter((v) => v.name === 'pvc-idem')).toHaveLength(1);
  });

  it('answers ALREADY_EXISTS for the same name with different parameters', async () => {
    await compose({ name: 'pvc-clash', capacityBytes: 10 * GB, parameters: { type: 'slice' } });
    const { status, body } = await compose({
      name: 'pvc-clash',
      capacityBytes: 11 * GB,
      parameters: { type: 'slice' },
    });
    expect(status).toBe(409);
    expect(errorOf(body)).toMatchObject({ code: 'ALREADY_EXISTS', field: 'name' });
  });

  it.each([
    [{ name: 'pvc-x', capacityBytes: 1, parameters: { type: 'floppy' } }, 'body.parameters.type'],
    [{ name: 'pvc-x', capacityBytes: -5 }, 'body.capacityBytes'],
    [{ name: 'PVC X', capacityBytes: GB }, 'body.name'],
    [{ name: 'pvc-x', capacityBytes: GB, parameters: { colour: 'red' } }, 'body.parameters'],
    [
      { name: 'pvc-x', capacityBytes: GB, parameters: { networkTransportsAllowed: 'iscsi,carrier-pigeon' } },
      'body.parameters.networkTransportsAllowed.1',
    ],
  ])('rejects %j with a 400 naming %s', async (request, field) => {
    const { status, body } = await compose(request);
    expect(status).toBe(400);
    expect(errorOf(body)).toMatchObject({ code: 'INVALID_ARGUMENT', field });
  });

  it('says which constraint failed and what exists when nothing qualifies', async () => {
    const { status, body } = await compose({
      name: 'pvc-unicorn',
      capacityBytes: GB,
      parameters: { type: 'ssd', requiredTags: 'unicorn' },
    });
    expect(status).toBe(409);
    const error = errorOf(body);
    expect(error).toMatchObject({ code: 'RESOURCE_EXHAUSTED', field: 'parameters.requiredTags' });
    expect(error.message).toMatch(/unicorn/);
  });

  it('answers OUT_OF_RANGE naming maxVolumeSize', async () => {
    const { status, body } = await compose({
      name: 'pvc-big',
      capacityBytes: 50 * GB,
      parameters: { type: 'slice', maxVolumeSize: 10 * GB },
    });
    expect(status).toBe(400);
    expect(errorOf(body)).toMatchObject({ code: 'OUT_OF_RANGE', field: 'parameters.maxVolumeSize' });
  });

  it('never hands the same SSD extent to two of many concurrent compositions', async () => {
    const requests = Array.from({ length: 40 }, (_, i) =>
      compose({ name: `pvc-race-${i}`, capacityBytes: (5 + (i % 7)) * GB, parameters: { type: 'slice' } }),
    );
    const answers = await Promise.all(requests);
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const { volumes } = VolumeListSchema.parse(
      (await call(t.admin, 'GET', '/api/v1/volumes?type=slice&limit=1000')).body,
    );
    const extents = new Map<string, { from: number; to: number; volume: string }[]>();
    for (const v of volumes) {
      for (const m of v.members) {
        if (!m.slice) continue;
        const list = extents.get(m.driveId) ?? [];
        list.push({ from: m.slice.offsetGiB, to: m.slice.offsetGiB + m.slice.sizeGiB, volume: v.id });
        extents.set(m.driveId, list);
      }
    }
    for (const list of extents.values()) {
      list.sort((a, b) => a.from - b.from);
      for (let i = 1; i < list.length; i++) expect(list[i]!.from).toBeGreaterThanOrEqual(list[i - 1]!.to);
    }
  });
});

describe('the CSI lifecycle over HTTP', () => {
  it('publishes, stages and node-publishes, refuses to delete while in use, then unwinds and releases', async () => {
    const created = ComposeResponseSchema.parse(
      (
        await compose({
          name: 'pvc-life',
          capacityBytes: 30 * GB,
          reclaimPolicy: 'Retain',
          parameters: { type: 'slice' },
        })
      ).body,
    ).volume;
    const server = (await call(t.admin, 'GET', '/api/v1/topology')).body as { servers: { id: string }[] };
    const serverId = server.servers[0]!.id;
    const step = (path: string, body: unknown) =>
      call(t.admin, 'POST', `/api/v1/volumes/${created.id}/${path}`, body);

    const published = await step('publish', { serverId });
    expect(published.status).toBe(200);
    expect(VolumeSchema.parse(published.body)).toMatchObject({
      lifecycle: 'ControllerPublished',
      server: serverId,
    });
    expect(VolumeSchema.parse(published.body).transport).not.toBeNull();
    expect((await step('publish', { serverId })).body).toEqual(published.body);
    await step('stage', { stagingPath: '/var/lib/kubelet/staging/pvc-life' });
    const inUse = await step('node-publish', { targetPath: '/var/lib/kubelet/pods/p1/volumes/pvc-life' });
    expect(VolumeSchema.parse(inUse.body).lifecycle).toBe('NodePublished');

    const refused = await call(t.admin, 'DELETE', `/api/v1/volumes/${created.id}`);
    expect(refused.status).toBe(412);
    expect(errorOf(refused.body).code).toBe('FAILED_PRECONDITION');
    const badPath = await step('stage', { stagingPath: 'relative/path' });
    expect(errorOf(badPath.body)).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'stagingPath' });

    await step('node-unpublish', { targetPath: '/var/lib/kubelet/pods/p1/volumes/pvc-life' });
    await step('unstage', { stagingPath: '/var/lib/kubelet/staging/pvc-life' });
    expect(VolumeSchema.parse((await step('unpublish', { serverId })).body).lifecycle).toBe('Created');

    const released = await call(t.admin, 'DELETE', `/api/v1/volumes/${created.id}`);
    expect(released.body).toMatchObject({ action: 'release', volume: { lifecycle: 'Released' } });
    expect((await call(t.admin, 'DELETE', `/api/v1/volumes/${created.id}`)).body).toMatchObject({
      action: 'none',
    });
    expect((await call(t.admin, 'DELETE', `/api/v1/volumes/${created.id}?purge=true`)).body).toMatchObject({
      action: 'delete',
    });
    expect((await call(t.admin, 'GET', `/api/v1/volumes/${created.id}`)).status).toBe(404);
    const events = EventsPageSchema.parse(
      (await call(t.admin, 'GET', `/api/v1/events?object=volume:${created.id}`)).body,
    );
    expect(events.events.map((e) => e.type).reverse()).toEqual([
      'VolumeCreated',
      'VolumePublished',
      'VolumeStaged',
      'VolumeNodePublished',
      'VolumeNodeUnpublished',
      'VolumeUnstaged',
      'VolumeUnpublished',
      'VolumeReleased',
      'VolumeDeleted',
    ]);
  });

  it('expands a slice volume online and refuses to shrink it', async () => {
    const v = ComposeResponseSchema.parse(
      (await compose({ name: 'pvc-grow', capacityBytes: 10 * GB, parameters: { type: 'slice' } })).body,
    ).volume;
    const grown = await call(t.admin, 'POST', `/api/v1/volumes/${v.id}/expand`, { capacityBytes: 20 * GB });
    expect(grown.status).toBe(200);
    expect(VolumeSchema.parse(grown.body).capacityBytes).toBeGreaterThanOrEqual(20 * GB);
    const shrink = await call(t.admin, 'POST', `/api/v1/volumes/${v.id}/expand`, { capacityBytes: GB });
    expect(errorOf(shrink.body).code).toBe('OUT_OF_RANGE');
  });
});

describe('failures and rebuilds', () => {
  it('degrades a mirrored volume in the same revision as the drive failure, then rebuilds it onto a qualifying drive', async () => {
    const v = ComposeResponseSchema.parse(
      (
        await compose({
          name: 'pvc-mirror',
          capacityBytes: 40 * GB,
          parameters: { type: 'slice', redundancy: true },
        })
      ).body,
    ).volume;
    const victim = v.members[0]!;
    const fault = await call(t.admin, 'POST', '/api/v1/admin/simulator/faults', {
      kind: 'drive-fail',
      driveId: victim.driveId,
    });
    const revision = (fault.body as { revision: number }).revision;
    const events = EventsPageSchema.parse(
      (await call(t.admin, 'GET', `/api/v1/events?object=volume:${v.id}`)).body,
    );
    expect(events.events.find((e) => e.type === 'VolumeDegraded')?.revision).toBe(revision);

    const healed: Volume = await until(
      () => volume(v.id),
      (x) => x.health === 'healthy',
      'the rebuild',
    );
    const replaced = healed.members.find((m) => m.set === victim.set && m.copy === victim.copy)!;
    expect(replaced.driveId).not.toBe(victim.driveId);
    const survivor = healed.members.find((m) => m.set === victim.set && m.copy !== victim.copy)!;
    expect(replaced.enclosureId).not.toBe(survivor.enclosureId);
    expect(replaced.storageGroup).not.toBe(survivor.storageGroup);
    const after = EventsPageSchema.parse(
      (await call(t.admin, 'GET', `/api/v1/events?object=volume:${v.id}`)).body,
    );
    expect(after.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['RebuildStarted', 'RebuildCompleted', 'VolumeRecovered']),
    );
  });

  it('fails a single-drive volume when its enclosure goes offline', async () => {
    const v = ComposeResponseSchema.parse(
      (await compose({ name: 'pvc-single', capacityBytes: 10 * GB, parameters: { type: 'slice' } })).body,
    ).volume;
    await call(t.admin, 'POST', '/api/v1/admin/simulator/faults', {
      kind: 'enclosure-offline',
      enclosureId: v.members[0]!.enclosureId,
    });
    expect((await volume(v.id)).health).toBe('failed');
    await call(t.admin, 'POST', '/api/v1/admin/simulator/faults', {
      kind: 'enclosure-online',
      enclosureId: v.members[0]!.enclosureId,
    });
    expect((await volume(v.id)).health).toBe('healthy');
  });
});

describe('encryption', () => {
  it('stores and answers only the key id; the key is in neither the store nor the API', async () => {
    const { body } = await compose({
      name: 'pvc-secret',
      capacityBytes: 10 * GB,
      parameters: { type: 'slice', encrypt: 'true' },
    });
    const v = ComposeResponseSchema.parse(body).volume;
    const keys = VolumeKeys.open({ secretFile: join(t.dataDir, 'site-secret') });
    expect(v.encryptionKeyId).toBe(keys.keyIdFor('pvc-secret'));
    const key = keys.deriveKey('pvc-secret');
    const haystack = [
      readFileSync(join(t.dataDir, 'drivebay.sqlite')),
      readFileSync(join(t.dataDir, 'drivebay.sqlite-wal')),
      Buffer.from(JSON.stringify(body)),
    ];
    for (const form of [key, Buffer.from(key.toString('hex')), Buffer.from(key.toString('base64'))]) {
      for (const bytes of haystack) expect(bytes.includes(form)).toBe(false);
    }
  });
});
