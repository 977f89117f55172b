import type { LiveSocketPort } from '../shared/live/liveTransport';

/**
 * The same socket, calling `onClosed` when the connection ends and socket.io will not retry on
 * its own: the server disconnected it (a revoked session) or refused it (not signed in).
 * Network trouble, which socket.io retries, does not count.
 */
export function watchServerClose(port: LiveSocketPort, onClosed: () => void): LiveSocketPort {
  return {
    ...port,
    listen(handlers) {
      port.listen({
        ...handlers,
        disconnect(reason, willReconnect) {
          handlers.disconnect(reason, willReconnect);
          if (!willReconnect && reason !== 'io client disconnect') onClosed();
        },
        connectError(message, willReconnect) {
          handlers.connectError(message, willReconnect);
          if (!willReconnect) onClosed();
        },
      });
    },
  };
}
