import {
  type ClientToServerEvents,
  JoinRequestSchema,
  LeaveRequestSchema,
  LIVE_NAMESPACE,
  type ServerToClientEvents,
} from '@drivebay/api-types';
import type { Namespace, Server, Socket } from 'socket.io';
import type { z } from 'zod';
import { type Instruments, noInstruments } from '../metrics/prometheus/instruments.js';
import { type Fanout, HubUnavailableError, type LiveClient, type LiveHub } from './hub.js';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;
type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents>;

/**
 * Wires the '/live' namespace to the hub: `live:join` and `live:leave` per room. Payloads are
 * parsed; a bad one gets an error naming the field, never a crash.
 */
export function attachLiveNamespace(
  io: Server<ClientToServerEvents, ServerToClientEvents>,
  hub: LiveHub,
): void {
  io.of(LIVE_NAMESPACE).on('connection', (socket: LiveSocket) => {
    const client = liveClientOf(socket);
    socket.on('live:join', async (request, ack) => {
      // A packet without an ack callback is malformed; answering it is impossible.
      if (typeof ack !== 'function') return;
      const parsed = JoinRequestSchema.safeParse(request);
      if (!parsed.success) return ack(invalid(parsed.error));
      const { room, sinceRevision } = parsed.data;
      try {
        ack({ ok: true, room, revision: await hub.join(client, room, sinceRevision) });
      } catch (error) {
        ack(unavailable(error));
      }
    });
    socket.on('live:leave', (request) => {
      const parsed = LeaveRequestSchema.safeParse(request);
      if (parsed.success) hub.leave(socket.id, parsed.data.room);
    });
    socket.on('disconnect', () => hub.forget(socket.id));
  });
}

/** Sends one batch to many sockets with one emit: socket.io encodes the packet once. */
export function socketFanout(
  io: Server<ClientToServerEvents, ServerToClientEvents>,
  instruments: Instruments = noInstruments,
): Fanout {
  const live: LiveNamespace = io.of(LIVE_NAMESPACE);
  return (clients, batch) => {
    const ids = clients.map((c) => c.id);
    if (ids.length === 0) return;
    live.to(ids).emit('live:deltas', batch);
    instruments.deltasSent(batch.room, batch.deltas.length);
  };
}

function invalid(error: z.ZodError) {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'request';
  return {
    ok: false as const,
    error: { code: 'INVALID_ARGUMENT', message: `${field}: ${issue?.message ?? 'invalid'}` },
  };
}

function unavailable(error: unknown) {
  const message =
    error instanceof HubUnavailableError
      ? error.message
      : 'the change feed is unavailable; retry in a moment';
  return { ok: false as const, error: { code: 'UNAVAILABLE', message } };
}

function liveClientOf(socket: LiveSocket): LiveClient {
  return {
    id: socket.id,
    send: (batch) => socket.emit('live:deltas', batch),
    resync: (resync) => socket.emit('live:resync', resync),
    bufferedFrames: () => queuedPackets(socket),
    disconnect: () => socket.disconnect(true),
  };
}

/**
 * Packets engine.io has queued for this client but not yet written. engine.io keeps the
 * queue in `writeBuffer`, which its typings mark private; it is the only measure of a slow
 * consumer it offers.
 */
function queuedPackets(socket: LiveSocket): number {
  const queue: unknown = Reflect.get(socket.conn, 'writeBuffer');
  return Array.isArray(queue) ? queue.length : 0;
}
