import { JoinRequestSchema } from '@drivebay/api-types';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { handshake, join, type LiveSocket, openLive } from './live-client.js';
import { nastyJson, nastyNumbers } from './malformed.js';

/** What the socket fuzz sent, and every way the server answered wrongly. */
export interface FuzzReport {
  packets: number;
  counts: Record<string, number>;
  problems: string[];
}

export function emptyReport(): FuzzReport {
  return { packets: 0, counts: {}, problems: [] };
}

export function count(report: FuzzReport, kind: string, n = 1): void {
  report.packets += n;
  report.counts[kind] = (report.counts[kind] ?? 0) + n;
}

const show = (value: unknown) => (JSON.stringify(value) ?? String(value)).slice(0, 120);

/** Rooms a join may name: real ones, near misses, and anything at all. */
const roomName: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'topology',
    'volumes',
    'events',
    'incident',
    'kube',
    'kube:simulated',
    'kube:',
    'kube:A B',
    'drives',
    '*',
  ),
  fc.string({ maxLength: 40 }),
  nastyJson,
);

/** Join requests: arbitrary values, bad rooms and revisions, binary, and some that happen to be valid. */
const joinPayload: fc.Arbitrary<unknown> = fc.oneof(
  nastyJson,
  fc.record({
    room: roomName,
    sinceRevision: fc.oneof(fc.constantFrom(...nastyNumbers), fc.double(), fc.string(), nastyJson),
  }),
  fc.record({ room: roomName }),
  fc.record({
    room: fc.constantFrom('topology', 'volumes', 'events'),
    sinceRevision: fc.nat(),
    extra: nastyJson,
  }),
  fc.uint8Array({ maxLength: 64 }),
  fc
    .integer({ min: 10, max: 2_000 })
    .map((depth) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)),
);

/** Events a client may not send, or that do not exist; socket.io-client refuses to emit reserved names itself. */
const RESERVED = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);
const eventName: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 50 }).filter((name) => !RESERVED.has(name)),
  fc.constantFrom(
    'live:deltas',
    'live:resync',
    'error',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'live:join ',
    'LIVE:JOIN',
  ),
);

/** Sends packets to one live socket that must survive them: acked joins, then unacked and unknown events. */
export async function fuzzLiveSocket(socket: LiveSocket, seed: number, report: FuzzReport): Promise<void> {
  const payloads = fc.sample(joinPayload, { seed, numRuns: 300 });
  for (let i = 0; i < payloads.length; i += 20) {
    await Promise.all(
      payloads.slice(i, i + 20).map(async (payload) => {
        count(report, 'join with an ack');
        // What the server receives is the payload after socket.io's JSON encoding.
        const received =
          payload instanceof Uint8Array ? payload : JSON.parse(JSON.stringify(payload) ?? 'null');
        const valid = JoinRequestSchema.safeParse(received).success;
        try {
          const ack = await join(socket, payload);
          const right = valid ? ack.ok : !ack.ok && ack.error.code === 'INVALID_ARGUMENT';
          if (!right) report.problems.push(`join ${show(payload)} acked ${show(ack)}`);
        } catch (error) {
          report.problems.push(`join ${show(payload)}: ${String(error)}`);
        }
      }),
    );
  }
  const untyped = socket as unknown as Socket;
  for (const payload of fc.sample(nastyJson, { seed: seed + 1, numRuns: 100 })) {
    untyped.emit(payload instanceof Object && 'room' in payload ? 'live:leave' : 'live:join', payload);
    count(report, 'join or leave without an ack');
  }
  for (const [event, args] of fc.sample(fc.tuple(eventName, fc.array(nastyJson, { maxLength: 3 })), {
    seed: seed + 2,
    numRuns: 100,
  })) {
    untyped.emit(event, ...args);
    count(report, 'unknown event');
  }
  // An ack after all of them proves the socket still answers, in order.
  const last = await join(socket, { room: 'topology', sinceRevision: 'still there?' });
  if (last.ok) report.problems.push('the socket accepted a malformed join after the fuzz');
}

/** Raw socket.io packets no client library would send; the server may drop the connection, nothing more. */
export const rawPackets = [
  '2/live,["live:join"',
  '2/live,{}',
  '2/live,[]',
  '2/live,[1]',
  '2/live,[null]',
  '2/live,"x"',
  '2/live,["disconnect"]',
  '2/live,["disconnecting"]',
  '2/live,["newListener","x"]',
  '2/live,["connect"]',
  '2/live,["__proto__",{}]',
  '2/live,["constructor"]',
  '2/live,["toString"]',
  '2/live,["live:join",{"__proto__":{"room":"topology","sinceRevision":1}}]',
  '2/live,99999999999999999999999["live:join",{"sinceRevision":0}]',
  '2/live,-1["live:join",{"sinceRevision":0}]',
  '5/live,1-["live:join",{"_placeholder":true,"num":0}]',
  '51-/live,["live:join",{"_placeholder":true,"num":9}]',
  '599999999-/live,["x"]',
  '3/live,1[]',
  '3/live,999[{"ok":true}]',
  '6/live,1[]',
  '1/live,',
  '1/live,{"x":1}',
  '0/live,{"token":123}',
  '0/live,',
  '0/nonexistent,',
  '0/live,[]',
  '4/live,"x"',
  '7/live,',
  '9',
  'x',
  '',
  '2',
  '2/',
  '2/live',
  '2/live,',
  `2/live,${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `2/live,["live:join",${'{"a":'.repeat(1_500)}1${'}'.repeat(1_500)}]`,
] as const;

/** Opens a socket, sends one hostile thing through `act`, waits for the server to drop it or not. */
export async function withThrowawaySocket(
  url: string,
  cookie: string,
  act: (socket: LiveSocket) => void,
): Promise<string | undefined> {
  const socket = openLive(url, { cookie });
  try {
    const outcome = await handshake(socket);
    if (!outcome.connected) return `a viewer could not connect: ${outcome.error}`;
    const dropped = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    act(socket);
    await Promise.race([dropped, new Promise((resolve) => setTimeout(resolve, 300))]);
    return undefined;
  } finally {
    socket.disconnect();
  }
}

/** Handshakes with arbitrary `auth` and no cookie: each must be refused as unauthenticated. */
export async function fuzzHandshakes(url: string, seed: number, report: FuzzReport): Promise<void> {
  const tokens = fc.sample(fc.oneof(nastyJson, fc.string({ maxLength: 200 })), { seed, numRuns: 40 });
  for (let i = 0; i < tokens.length; i += 8) {
    await Promise.all(
      tokens.slice(i, i + 8).map(async (token) => {
        count(report, 'handshake with a forged auth');
        const socket = openLive(url, { token });
        const outcome = await handshake(socket);
        socket.disconnect();
        if (outcome.connected || outcome.error !== 'UNAUTHENTICATED: sign in first')
          report.problems.push(`handshake with token ${show(token)}: ${show(outcome)}`);
      }),
    );
  }
}
