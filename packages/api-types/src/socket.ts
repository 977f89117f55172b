import type { DeltaBatch, Resync, SubscribeAck } from './topology.js';

/** socket.io namespace that carries live topology deltas. */
export const LIVE_NAMESPACE = '/live';

/** Events the server emits. Payloads are parsed by the client with the matching schemas. */
export interface ServerToClientEvents {
  'topology:deltas': (batch: DeltaBatch) => void;
  'topology:resync': (resync: Resync) => void;
}

/** Events the client emits. The server parses every payload; the generic is not validation. */
export interface ClientToServerEvents {
  'topology:subscribe': (request: unknown, ack: (result: SubscribeAck) => void) => void;
}
