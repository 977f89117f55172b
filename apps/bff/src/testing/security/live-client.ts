import {
  type ClientToServerEvents,
  type JoinAck,
  JoinAckSchema,
  LIVE_NAMESPACE,
  type ServerToClientEvents,
} from '@drivebay/api-types';
import { io, type Socket } from 'socket.io-client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How a socket to /live is opened: with a session cookie, a bearer token, a browser Origin. */
export interface LiveCredentials {
  cookie?: string;
  token?: unknown;
  origin?: string;
}

/** A socket to /live over WebSocket that does not reconnect by itself. */
export function openLive(url: string, credentials: LiveCredentials = {}): LiveSocket {
  const headers: Record<string, string> = {};
  if (credentials.cookie !== undefined) headers.cookie = credentials.cookie;
  if (credentials.origin !== undefined) headers.origin = credentials.origin;
  return io(`${url}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: headers,
    ...('token' in credentials ? { auth: { token: credentials.token } } : {}),
  });
}

/** Whether the handshake was accepted, or the connect_error message. */
export function handshake(
  socket: LiveSocket,
): Promise<{ connected: true } | { connected: false; error: string }> {
  return new Promise((resolve) => {
    if (socket.connected) resolve({ connected: true });
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (error) => resolve({ connected: false, error: error.message }));
  });
}

/** Emits live:join and parses the ack; rejects when no ack arrives in time. */
export async function join(socket: LiveSocket, request: unknown, timeoutMs = 5_000): Promise<JoinAck> {
  const ack: unknown = await socket.timeout(timeoutMs).emitWithAck('live:join', request);
  return JoinAckSchema.parse(ack);
}
