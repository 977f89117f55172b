import {
  type ClientToServerEvents,
  decodeDriveColumns,
  type JoinAck,
  LIVE_NAMESPACE,
  type LiveRoom,
  type RoomBatch,
  RoomBatchSchema,
  type RoomResync,
  type ServerToClientEvents,
  TopologySnapshotSchema,
} from '@drivebay/api-types';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../testing/http.js';
import { removeDir, startTestApp, type TestApp } from '../testing/test-app.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let t: TestApp;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await startTestApp({ hub: { batchMs: 20 } });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(async () => {
  await t.stop();
  removeDir(t.dataDir);
});

/** A browser's socket: every room batch it receives, parsed, and a join that resolves with the ack. */
function connect() {
  const socket: ClientSocket = io(`${t.url}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    extraHeaders: { cookie: t.viewer.cookie },
  });
  sockets.push(socket);
  const batches: RoomBatch[] = [];
  const resyncs: RoomResync[] = [];
  const frames = { count: 0 };
  socket.on('live:deltas', (batch) => {
    frames.count += 1;
    batches.push(RoomBatchSchema.parse(batch));
  });
  socket.on('live:resync', (resync) => resyncs.push(resync));
  const join = (request: unknown) =>
    new Promise<JoinAck>((resolve) => socket.emit('live:join', request, resolve));
  return { socket, batches, resyncs, frames, join };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function healthyDrive(offset = 0): Promise<string> {
  const snapshot = TopologySnapshotSchema.parse((await call(t.viewer, 'GET', '/api/v1/topology')).body);
  const drive = decodeDriveColumns(snapshot.drives).filter((d) => d.health === 'ok')[offset];
  if (!drive) throw new Error('no healthy drive');
  return drive.id;
}

const inject = (body: object) => call(t.admin, 'POST', '/api/v1/admin/simulator/faults', body);
const revision = () => t.store.revision();

describe('live rooms', () => {
  it('sends a drive change only to the rooms that show drives, each in a chain from its join', async () => {
    const topology = connect();
    const volumes = connect();
    const since = await revision();
    const joined = await topology.join({ room: 'topology', sinceRevision: since });
    expect(joined).toEqual({ ok: true, room: 'topology', revision: since });
    expect((await volumes.join({ room: 'volumes', sinceRevision: since })).ok).toBe(true);

    const driveId = await healthyDrive();
    expect((await inject({ kind: 'drive-degrade', driveId })).status).toBe(202);
    await until(
      () =>
        topology.batches.some((b) => b.deltas.some((d) => d.type === 'drive.put' && d.drive.id === driveId)),
      'the drive delta',
    );
    const [first] = topology.batches;
    expect(first).toMatchObject({ room: 'topology', fromRevision: since });
    for (const [i, batch] of topology.batches.entries()) {
      if (i > 0) expect(batch.fromRevision).toBe(topology.batches[i - 1]?.toRevision);
      for (const delta of batch.deltas) expect(delta.revision).toBeGreaterThan(batch.fromRevision);
    }
    // A few batches later still nothing for the volumes room: no volume changed.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(volumes.batches).toEqual([]);
  });

  it('gives the incident room the current summary on joining, and a new one when it changes', async () => {
    const banner = connect();
    const ack = await banner.join({ room: 'incident', sinceRevision: 0 });
    expect(ack.ok).toBe(true);
    await until(() => banner.batches.length > 0, 'the current summary');
    const first = banner.batches[0]?.deltas[0];
    if (first?.type !== 'incident.summary') throw new Error('no summary');
    const failedBefore = first.summary.drives.failed;

    expect((await inject({ kind: 'drive-fail', driveId: await healthyDrive() })).status).toBe(202);
    await until(
      () =>
        banner.batches.some((b) =>
          b.deltas.some((d) => d.type === 'incident.summary' && d.summary.drives.failed === failedBefore + 1),
        ),
      'the summary with one more failed drive',
    );
    for (const batch of banner.batches)
      for (const delta of batch.deltas) expect(delta.type).toBe('incident.summary');
  });

  it('starts a joined room after the client’s revision: no delta it already has', async () => {
    const client = connect();
    const driveId = await healthyDrive(1);
    expect((await inject({ kind: 'drive-degrade', driveId })).status).toBe(202);
    // Join from the store's revision at once: the hub may not have flushed that change yet.
    const since = await revision();
    expect((await client.join({ room: 'topology', sinceRevision: since })).ok).toBe(true);
    expect((await inject({ kind: 'drive-degrade', driveId: await healthyDrive(2) })).status).toBe(202);
    await until(() => client.batches.length > 0, 'a batch after the join');
    expect(client.batches[0]?.fromRevision).toBe(since);
    for (const batch of client.batches)
      for (const delta of batch.deltas) expect(delta.revision).toBeGreaterThan(since);
  });

  it('refuses a room that does not exist, naming the field', async () => {
    const client = connect();
    for (const room of ['drives', 'kube:Not A Cluster', '', 42]) {
      const ack = await client.join({ room: room as LiveRoom, sinceRevision: 0 });
      expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      if (!ack.ok) expect(ack.error.message).toMatch(/^room/);
    }
  });

  it('stops sending a room that was left', async () => {
    const client = connect();
    expect((await client.join({ room: 'topology', sinceRevision: await revision() })).ok).toBe(true);
    client.socket.emit('live:leave', { room: 'topology' });
    // The leave is processed before the next packet from the same socket: a join of another room proves it.
    expect((await client.join({ room: 'volumes', sinceRevision: await revision() })).ok).toBe(true);
    expect((await inject({ kind: 'drive-degrade', driveId: await healthyDrive(3) })).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(client.batches.filter((b) => b.room === 'topology')).toEqual([]);
  });
});
