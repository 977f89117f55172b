import {
  type ClientToServerEvents,
  DriveSchema,
  decodeDriveColumns,
  LIVE_NAMESPACE,
  type RoomBatch,
  type RoomResync,
  type ServerToClientEvents,
  TopologySnapshotSchema,
  VolumeListSchema,
} from '@drivebay/api-types';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type FeedFaults, withFeedFaults } from '../testing/feed-faults.js';
import { call } from '../testing/http.js';
import { removeDir, startTestApp, type TestApp } from '../testing/test-app.js';
import { putRecord } from './collections.js';

let t: TestApp | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await t?.stop();
  if (t) removeDir(t.dataDir);
  t = undefined;
});

/** What the app logged in the current test, one `message {fields}` line each. */
let logged: string[] = [];
const keep = (message: string, fields?: Record<string, unknown>) =>
  logged.push(`${message} ${JSON.stringify(fields ?? {})}`);

async function start(): Promise<{ app: TestApp; faults: FeedFaults }> {
  let faults: FeedFaults | undefined;
  logged = [];
  t = await startTestApp({
    hub: { batchMs: 20 },
    log: { debug: keep, info: keep, warn: keep, error: keep },
    wrapStore: (store) => {
      faults = withFeedFaults(store);
      return faults.store;
    },
  });
  if (!faults) throw new Error('the store was not wrapped');
  return { app: t, faults };
}

async function readyz(app: TestApp) {
  const response = await fetch(`${app.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; reason?: string } };
}

async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const drivesOf = async (app: TestApp) =>
  decodeDriveColumns(
    TopologySnapshotSchema.parse((await call(app.viewer, 'GET', '/api/v1/topology')).body).drives,
  );

/** A change another replica commits while this one is not following the feed. */
async function degradeBehindItsBack(app: TestApp, driveId: string): Promise<void> {
  const entry = await app.store.get(`drives/${driveId}`);
  if (!entry) throw new Error(`no drive ${driveId}`);
  const drive = { ...DriveSchema.parse(entry.value), health: 'degraded' as const };
  const result = await app.store.txn({
    compare: [{ key: entry.key, modRevision: entry.modRevision }],
    operations: [putRecord('drives', driveId, drive)],
  });
  expect(result.succeeded).toBe(true);
}

function liveSocket(app: TestApp) {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${app.url}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    extraHeaders: { cookie: app.viewer.cookie },
  });
  sockets.push(socket);
  const batches: RoomBatch[] = [];
  const resyncs: RoomResync[] = [];
  socket.on('live:deltas', (batch) => batches.push(batch));
  socket.on('live:resync', (resync) => resyncs.push(resync));
  return { socket, batches, resyncs };
}

describe('a broken change feed', () => {
  it('makes the process not ready with the reason, refuses commands with UNAVAILABLE, and recovers by reading again', async () => {
    const { app, faults } = await start();
    const [first, second] = (await drivesOf(app)).filter((d) => d.health === 'ok');
    if (!first || !second) throw new Error('no healthy drives');
    const live = liveSocket(app);
    const ack = await live.socket.emitWithAck('live:join', {
      room: 'topology',
      sinceRevision: await app.store.revision(),
    });
    expect(ack.ok).toBe(true);

    faults.stall();
    faults.fail(new Error('connection to the store lost'));
    const notReady = await readyz(app);
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ status: 'unavailable' });
    expect(notReady.body.reason).toContain('connection to the store lost');
    // Said in the log, with the reason, not only to whoever asks /readyz.
    expect(logged).toContainEqual(expect.stringMatching(/^change feed failed.*connection to the store lost/));

    // A command would decide on a stale mirror: it is refused, and says why.
    const refused = await call(app.admin, 'POST', '/api/v1/admin/simulator/faults', {
      kind: 'drive-fail',
      driveId: first.id,
    });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: { code: 'UNAVAILABLE' } });

    // Meanwhile another writer changes the state; the mirror must not miss it.
    await degradeBehindItsBack(app, second.id);

    await until(async () => (await readyz(app)).status === 200, 'the feed to be read again');
    expect((await drivesOf(app)).find((d) => d.id === second.id)?.health).toBe('degraded');
    // Browsers are told their chain has a gap, and start over.
    await until(() => live.resyncs.length > 0, 'a resync');
    expect(live.resyncs[0]?.reason).toBe('feed-resynced');
    expect(logged).toContainEqual(expect.stringMatching(/^change feed resynced/));
    // Commands work again.
    const accepted = await call(app.admin, 'POST', '/api/v1/admin/simulator/faults', {
      kind: 'drive-fail',
      driveId: first.id,
    });
    expect(accepted.status).toBe(202);
    expect((await drivesOf(app)).find((d) => d.id === first.id)?.health).toBe('failed');
    expect(faults.watchesOpened).toBeGreaterThan(1);
  });

  it('takes a compaction past where the feed was as the same failure, and resyncs', async () => {
    const { app, faults } = await start();
    const [drive] = (await drivesOf(app)).filter((d) => d.health === 'ok');
    if (!drive) throw new Error('no healthy drive');
    faults.stall();
    await degradeBehindItsBack(app, drive.id);
    // A few more revisions, then history is discarded past where the mirror stopped.
    for (let i = 0; i < 3; i++) {
      const lease = { holder: `replica-${i}`, renewedAt: new Date().toISOString(), ttlMs: 1_000 };
      await app.store.txn({ operations: [putRecord('leases', `test/${i}`, lease)] });
    }
    await app.store.compact(await app.store.revision());
    faults.resume();
    await until(async () => (await readyz(app)).status === 503, 'the compaction to be noticed');
    expect((await readyz(app)).body.reason).toMatch(/compacted/);
    expect(logged).toContainEqual(expect.stringMatching(/^change feed failed.*compacted/));
    await until(async () => (await readyz(app)).status === 200, 'the feed to be read again');
    expect((await drivesOf(app)).find((d) => d.id === drive.id)?.health).toBe('degraded');
    const volumes = VolumeListSchema.parse((await call(app.viewer, 'GET', '/api/v1/volumes')).body);
    expect(volumes.total).toBeGreaterThanOrEqual(0);
  });
});
