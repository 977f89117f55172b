import { type ClientToServerEvents, LIVE_NAMESPACE, type ServerToClientEvents } from '@drivebay/api-types';
import { io, type Socket } from 'socket.io-client';
import type { LiveSocketPort } from '../shared/live/liveTransport';

const JOIN_TIMEOUT_MS = 10_000;

/** Opens the one socket.io connection to the live hub, on the page's origin. */
export function connectLiveSocket(): LiveSocketPort {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(LIVE_NAMESPACE, {
    transports: ['websocket', 'polling'],
  });
  return {
    listen(handlers) {
      socket.on('connect', () => handlers.connect());
      // socket.active stays true while socket.io will try to reconnect on its own.
      socket.on('disconnect', (reason) => handlers.disconnect(reason, socket.active));
      socket.on('connect_error', (error) => handlers.connectError(error.message, socket.active));
      // The event map's payload types are promises, not facts: hand the transport `unknown`.
      socket.on('live:deltas', (payload: unknown) => handlers.deltas(payload));
      socket.on('live:resync', (payload: unknown) => handlers.resync(payload));
    },
    join(request) {
      return socket.timeout(JOIN_TIMEOUT_MS).emitWithAck('live:join', request);
    },
    leave(room) {
      socket.emit('live:leave', { room });
    },
    close() {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
