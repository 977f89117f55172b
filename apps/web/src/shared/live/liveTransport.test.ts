import type { DeltaBatch, JoinRequest, LiveRoom, TopologyDelta } from '@drivebay/api-types';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from './connectionStatus';
import { type LiveSocketHandlers, type LiveSocketPort, LiveTransport } from './liveTransport';
import type { RoomDefinition, RoomHandler } from './rooms';

class FakeSocket implements LiveSocketPort {
  handlers: LiveSocketHandlers | undefined;
  joins: JoinRequest[] = [];
  leaves: LiveRoom[] = [];
  /** Acks to answer joins with, in order; by default ok at the asked revision (or 100 from now). */
  acks: unknown[] = [];
  listen(handlers: LiveSocketHandlers): void {
    this.handlers = handlers;
  }
  join(request: JoinRequest): Promise<unknown> {
    this.joins.push(request);
    const ack = this.acks.shift() ?? { ok: true, room: request.room, revision: request.sinceRevision ?? 100 };
    return ack instanceof Error ? Promise.reject(ack) : Promise.resolve(ack);
  }
  leave(room: LiveRoom): void {
    this.leaves.push(room);
  }
  close(): void {}
  get on(): LiveSocketHandlers {
    if (!this.handlers) throw new Error('not listening');
    return this.handlers;
  }
}

/** A handler that records what it is told; anchored when given a snapshot revision to load. */
function recorder(anchorRevision?: number) {
  const seen = { batches: [] as DeltaBatch[], resyncs: 0, readies: 0, loads: 0 };
  let revision: number | undefined;
  const handler: RoomHandler = {
    ...(anchorRevision !== undefined && {
      anchor: {
        revision: () => revision,
        load: async () => {
          seen.loads += 1;
          revision = anchorRevision + seen.loads - 1;
          return revision;
        },
      },
    }),
    apply: (batch) => {
      seen.batches.push(batch);
      if (revision !== undefined) revision = batch.toRevision;
    },
    resync: () => {
      seen.resyncs += 1;
      revision = undefined;
    },
    ready: () => {
      seen.readies += 1;
    },
  };
  return { seen, handler };
}

function room(roomName: LiveRoom, handler: RoomHandler, key: string = roomName): RoomDefinition {
  return { key, room: roomName, create: () => handler };
}

function setup() {
  const socket = new FakeSocket();
  const statuses: ConnectionStatus[] = [];
  const transport = new LiveTransport({
    socket,
    queryClient: new QueryClient(),
    onStatus: (s) => statuses.push(s),
    schedule: (task) => {
      queueMicrotask(task);
      return () => {};
    },
    warn: () => {},
  });
  transport.start();
  return { socket, transport, statuses };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const drive = (revision: number): TopologyDelta => ({
  revision,
  type: 'drive.delete',
  id: `d${revision}`,
});
const batch = (
  roomName: LiveRoom,
  fromRevision: number,
  toRevision: number,
  deltas = [drive(toRevision)],
) => ({
  room: roomName,
  fromRevision,
  toRevision,
  deltas,
});

describe('LiveTransport', () => {
  it('joins only the rooms in use: an anchored one from its snapshot, another from now', async () => {
    const { socket, transport } = setup();
    const topology = recorder(40);
    const volumes = recorder();
    transport.register(room('topology', topology.handler));
    transport.register(room('volumes', volumes.handler));
    socket.on.connect();
    await settle();
    // The anchored room loads its snapshot first, so the joins may go out in either order.
    expect(socket.joins).toHaveLength(2);
    expect(socket.joins).toEqual(
      expect.arrayContaining([{ room: 'topology', sinceRevision: 40 }, { room: 'volumes' }]),
    );
    expect(topology.seen.loads).toBe(1);
    expect(volumes.seen.readies).toBe(1);
    expect(transport.rooms).toEqual(['topology', 'volumes']);
  });

  it('hands each room its own chain of batches, and reloads the one with a gap', async () => {
    const { socket, transport } = setup();
    const topology = recorder(40);
    const volumes = recorder();
    transport.register(room('topology', topology.handler));
    transport.register(room('volumes', volumes.handler));
    socket.on.connect();
    await settle();
    socket.on.deltas(batch('topology', 40, 45));
    socket.on.deltas(batch('volumes', 100, 103));
    socket.on.deltas(batch('topology', 45, 50));
    expect(topology.seen.batches.map((b) => b.toRevision)).toEqual([45, 50]);
    expect(volumes.seen.batches.map((b) => b.toRevision)).toEqual([103]);
    // The volumes room misses 103..110: only it reloads and joins again, from now.
    socket.on.deltas(batch('volumes', 110, 111));
    await settle();
    expect(volumes.seen.batches).toHaveLength(1);
    expect(volumes.seen.resyncs).toBe(1);
    expect(socket.joins.at(-1)).toEqual({ room: 'volumes' });
    expect(topology.seen.resyncs).toBe(0);
  });

  it('reloads an anchored room the server asks to resync, and joins from the fresh snapshot', async () => {
    const { socket, transport } = setup();
    const topology = recorder(40);
    transport.register(room('topology', topology.handler));
    socket.on.connect();
    await settle();
    socket.on.resync({ room: 'topology', reason: 'compacted', revision: 90 });
    await settle();
    expect(topology.seen.loads).toBe(2);
    expect(socket.joins.at(-1)).toEqual({ room: 'topology', sinceRevision: 41 });
  });

  it('resumes every room from where it was after a reconnect', async () => {
    const { socket, transport } = setup();
    const events = recorder();
    transport.register(room('events', events.handler));
    socket.on.connect();
    await settle();
    socket.on.deltas(batch('events', 100, 104));
    socket.on.disconnect('transport close', true);
    socket.on.connect();
    await settle();
    expect(socket.joins.at(-1)).toEqual({ room: 'events', sinceRevision: 104 });
    // Catch-up after the join chains from there.
    socket.on.deltas(batch('events', 104, 107));
    expect(events.seen.batches.map((b) => b.toRevision)).toEqual([104, 107]);
  });

  it('joins a room once however many components use it, and leaves it when the last one stops', async () => {
    const { socket, transport } = setup();
    const a = recorder();
    const definition = room('volumes', a.handler);
    socket.on.connect();
    const first = transport.register(definition);
    const second = transport.register(definition);
    await settle();
    expect(socket.joins).toEqual([{ room: 'volumes' }]);
    first();
    expect(socket.leaves).toEqual([]);
    second();
    expect(socket.leaves).toEqual(['volumes']);
    expect(transport.rooms).toEqual([]);
  });

  it('gives every handler of a room the batch: two features can follow one room', async () => {
    const { socket, transport } = setup();
    const timeline = recorder();
    const volumeEvents = recorder();
    transport.register(room('events', timeline.handler, 'events'));
    transport.register(room('events', volumeEvents.handler, 'volume-events'));
    socket.on.connect();
    await settle();
    expect(socket.joins).toEqual([{ room: 'events' }]);
    socket.on.deltas(batch('events', 100, 101));
    expect(timeline.seen.batches).toHaveLength(1);
    expect(volumeEvents.seen.batches).toHaveLength(1);
  });

  it('is live once every room is joined, and says which it waits for meanwhile', async () => {
    const { socket, transport, statuses } = setup();
    socket.acks.push(new Error('timeout'));
    transport.register(room('volumes', recorder().handler));
    socket.on.connect();
    await settle();
    expect(statuses.some((s) => s.label === 'Loading volumes…')).toBe(true);
    await settle();
    expect(statuses.at(-1)).toMatchObject({ state: 'live', label: 'Live' });
    socket.on.disconnect('transport close', true);
    expect(statuses.at(-1)).toMatchObject({ state: 'connecting', label: 'Reconnecting…' });
  });

  it('reloads a room whose handler cannot chain the batch onto what it holds', async () => {
    const { socket, transport } = setup();
    const topology = recorder(40);
    let gaps = 1;
    const handler: RoomHandler = {
      ...topology.handler,
      apply: (b) => (gaps-- > 0 ? 'gap' : topology.handler.apply(b)),
    };
    transport.register(room('topology', handler));
    socket.on.connect();
    await settle();
    socket.on.deltas(batch('topology', 40, 45));
    await settle();
    expect(topology.seen.loads).toBe(2);
    expect(socket.joins.at(-1)).toEqual({ room: 'topology', sinceRevision: 41 });
  });

  it('ignores a malformed frame’s room and starts every room over', async () => {
    const { socket, transport } = setup();
    const volumes = recorder();
    transport.register(room('volumes', volumes.handler));
    socket.on.connect();
    await settle();
    socket.on.deltas({ room: 'volumes', fromRevision: 'x' });
    await settle();
    expect(volumes.seen.resyncs).toBe(1);
  });
});
