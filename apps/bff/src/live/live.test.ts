import {
  type ClientToServerEvents,
  decodeDriveColumns,
  type JoinAck,
  LIVE_NAMESPACE,
  type RoomBatch,
  RoomBatchSchema,
  type RoomResync,
  RoomResyncSchema,
  type ServerToClientEvents,
  TopologySnapshotSchema,
} from '@drivebay/api-types';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

/** A socket that records every frame it receives, parsed with the api-types schemas. */
function connect() {
  const socket: ClientSocket = io(`${t.url}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    extraHeaders: { cookie: t.viewer.cookie },
  });
  sockets.push(socket);
  const all: RoomBatch[] = [];
  const resyncs: RoomResync[] = [];
  socket.on('live:deltas', (batch) => all.push(RoomBatchSchema.parse(batch)));
  socket.on('live:resync', (resync) => resyncs.push(RoomResyncSchema.parse(resync)));
  /** Joins the topology room (or the room the request names) from a revision. */
  const subscribe = (request: unknown, room = 'topology') =>
    new Promise<JoinAck>((resolve) =>
      socket.emit(
        'live:join',
        request !== null && typeof request === 'object' && !Array.isArray(request)
          ? { room, ...request }
          : request,
        resolve,
      ),
    );
  return {
    socket,
    get batches() {
      return all.filter((b) => b.room === 'topology');
    },
    roomBatches: (room: string) => all.filter((b) => b.room === room),
    resyncs,
    subscribe,
  };
}

async function snapshot() {
  const parsed = TopologySnapshotSchema.parse(await (await t.admin.fetch(`/api/v1/topology`)).json());
  return {
    revision: parsed.revision,
    drives: decodeDriveColumns(parsed.drives),
    enclosures: parsed.enclosures,
  };
}

async function inject(body: object): Promise<number> {
  const response = await t.admin.fetch(`/api/v1/admin/simulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await response.json()) as { revision: number }).revision;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('live topology deltas', () => {
  it('streams a fault as a drive delta tagged with its revision, batches chaining from the snapshot', async () => {
    const { revision, drives } = await snapshot();
    const client = connect();
    expect(await client.subscribe({ sinceRevision: revision })).toEqual({
      ok: true,
      room: 'topology',
      revision,
    });
    expect((await client.subscribe({ sinceRevision: revision }, 'events')).ok).toBe(true);
    const target = drives.find((d) => d.health === 'ok')!;
    const committed = await inject({ kind: 'drive-fail', driveId: target.id });
    await until(() => client.batches.some((b) => b.toRevision >= committed), 'the fault batch');

    expect(client.batches[0]?.fromRevision).toBe(revision);
    for (let i = 1; i < client.batches.length; i++) {
      expect(client.batches[i]?.fromRevision).toBe(client.batches[i - 1]?.toRevision);
    }
    const deltas = client.batches.flatMap((b) => b.deltas);
    expect(deltas).toContainEqual({
      revision: committed,
      type: 'drive.put',
      drive: { ...target, health: 'failed' },
    });
    // The event of the same change goes to the events room, not the topology's.
    expect(deltas.some((d) => d.type === 'event')).toBe(false);
    await until(
      () =>
        client
          .roomBatches('events')
          .some((b) => b.deltas.some((d) => d.type === 'event' && d.event.type === 'DriveFailed')),
      'the DriveFailed event',
    );
  });

  it('batches a burst of changes into fewer frames, losing none', async () => {
    const { revision, drives } = await snapshot();
    const client = connect();
    await client.subscribe({ sinceRevision: revision });
    const targets = drives.filter((d) => d.health === 'ok').slice(0, 30);
    const revisions = await Promise.all(targets.map((d) => inject({ kind: 'drive-degrade', driveId: d.id })));
    const last = Math.max(...revisions);
    await until(() => client.batches.some((b) => b.toRevision >= last), 'the burst');
    const degraded = client.batches
      .flatMap((b) => b.deltas)
      .filter((d) => d.type === 'drive.put' && d.drive.health === 'degraded');
    expect(new Set(degraded.map((d) => (d.type === 'drive.put' ? d.drive.id : '')))).toEqual(
      new Set(targets.map((d) => d.id)),
    );
    expect(client.batches.length).toBeLessThan(targets.length);
  });

  it('gives a client that reconnects with an older revision every change it missed', async () => {
    const { revision, drives } = await snapshot();
    const target = drives.find((d) => d.health === 'ok')!;
    const committed = await inject({ kind: 'drive-fail', driveId: target.id });
    const client = connect();
    const ack = await client.subscribe({ sinceRevision: revision });
    expect(ack).toMatchObject({ ok: true });
    await until(() => client.batches.some((b) => b.toRevision >= committed), 'the catch-up batch');
    expect(client.batches[0]?.fromRevision).toBe(revision);
    expect(client.batches.flatMap((b) => b.deltas)).toContainEqual({
      revision: committed,
      type: 'drive.put',
      drive: { ...target, health: 'failed' },
    });
  });

  it('tells a client whose revision was compacted to resync', async () => {
    const { revision, drives } = await snapshot();
    const watcher = connect();
    await watcher.subscribe({ sinceRevision: revision });
    const committed = await inject({
      kind: 'drive-fail',
      driveId: drives.find((d) => d.health === 'ok')!.id,
    });
    // Once the hub has broadcast the change, only the store's history could serve it again.
    await until(() => watcher.batches.some((b) => b.toRevision >= committed), 'the broadcast');
    await t.store.compact(await t.store.revision());
    const client = connect();
    await client.subscribe({ sinceRevision: revision });
    await until(() => client.resyncs.length > 0, 'a resync');
    expect(client.resyncs[0]).toMatchObject({ reason: 'compacted' });
    expect(client.batches).toEqual([]);
  });

  it('tells a client with a revision from the future to resync', async () => {
    const client = connect();
    await client.subscribe({ sinceRevision: 10_000_000 });
    await until(() => client.resyncs.length > 0, 'a resync');
    expect(client.resyncs[0]).toMatchObject({ reason: 'future-revision' });
  });

  it.each([[{}], [{ sinceRevision: -1 }], [{ sinceRevision: 'latest' }], [null], ['x'.repeat(100)]])(
    'rejects the malformed join %j with INVALID_ARGUMENT naming the field',
    async (request) => {
      const ack = await connect().subscribe(request);
      if (JSON.stringify(request) === '{}') {
        // No revision is a join from now.
        expect(ack).toMatchObject({ ok: true, room: 'topology' });
        return;
      }
      expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      if (!ack.ok) expect(ack.error.message).toMatch(/sinceRevision|request/);
    },
  );
});
