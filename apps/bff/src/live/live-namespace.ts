import {
  type ClientToServerEvents,
  LIVE_NAMESPACE,
  type ServerToClientEvents,
  SubscribeRequestSchema,
} from '@drivebay/api-types';
import type { Server, Socket } from 'socket.io';
import type { LiveClient, LiveHub } from './hub.js';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Wires the '/live' namespace to the hub: a subscribe brings the socket up to date. */
export function attachLiveNamespace(
  io: Server<ClientToServerEvents, ServerToClientEvents>,
  hub: LiveHub,
): void {
  io.of(LIVE_NAMESPACE).on('connection', (socket: LiveSocket) => {
    const client = liveClientOf(socket);
    socket.on('topology:subscribe', async (request, ack) => {
      // A packet without an ack callback is malformed; answering it is impossible.
      if (typeof ack !== 'function') return;
      const parsed = SubscribeRequestSchema.safeParse(request);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') || 'request';
        ack({
          ok: false,
          error: { code: 'INVALID_ARGUMENT', message: `${field}: ${issue?.message ?? 'invalid'}` },
        });
        return;
      }
      try {
        ack({ ok: true, revision: await hub.subscribe(client, parsed.data.sinceRevision) });
      } catch {
        ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'the change feed is unavailable; retry' } });
      }
    });
    socket.on('disconnect', () => hub.unsubscribe(socket.id));
  });
}

function liveClientOf(socket: LiveSocket): LiveClient {
  return {
    id: socket.id,
    send: (batch) => socket.emit('topology:deltas', batch),
    resync: (resync) => socket.emit('topology:resync', resync),
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
