import { z } from 'zod';
import { count, type FuzzReport } from './socket-fuzz.js';

const RS = '\x1e';

/** engine.io polling payloads (packets joined by the record separator) no client would send. */
export const enginePayloads: readonly (string | Uint8Array)[] = [
  '4garbage',
  '6',
  '5',
  '2probe',
  '3',
  '1',
  '0',
  '9',
  '',
  RS,
  RS.repeat(3),
  'bAAAA',
  'b!!!!',
  'b',
  `40/live,${RS}42/live,["live:join",{"room":"topology","sinceRevision":0},]`,
  `40/live,{"token":{"$gt":""}}`,
  `40/live,{"token":"dbt_tok-000000000000_${'A'.repeat(43)}"}`,
  `40/live,${RS}42/live,["live:join",{"room":"topology","sinceRevision":-1}]`,
  `40/live,${RS}42/live,1["live:join",{"room":"topology","sinceRevision":"x"}]`,
  `40/live,${RS}`.repeat(200),
  `4${'x'.repeat(20_000)}`,
  `40/live,${RS}42/live,["live:join",{"room":"topology","pad":"${'x'.repeat(20_000)}"}]`,
  new Uint8Array([0x34, 0xff, 0xfe, 0x32]),
  '4\u0000',
  `4${'\uD800'}`,
];

/** Handshake URLs with a wrong protocol version, transport or session id. */
export const oddHandshakes = [
  '/socket.io/?EIO=3&transport=polling',
  '/socket.io/?EIO=99&transport=polling',
  '/socket.io/?EIO=abc&transport=polling',
  '/socket.io/?EIO=4&transport=flash',
  '/socket.io/?EIO=4&transport=websocket',
  '/socket.io/?EIO=4&transport=polling&sid=unknown',
  '/socket.io/?EIO=4&transport=polling&j=1',
  '/socket.io/?EIO=4&transport=polling&b64=1',
  '/socket.io/?EIO=4&transport=polling&EIO=4&EIO=3',
  '/socket.io/?transport=polling',
  '/socket.io/',
  `/socket.io/?EIO=4&transport=polling&sid=${'x'.repeat(3_000)}`,
] as const;

const Open = z.object({ sid: z.string() });

/** Opens an engine.io session over long-polling; its id. */
async function openPolling(url: string, cookie: string): Promise<string> {
  const response = await fetch(`${url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie } });
  const text = await response.text();
  if (response.status !== 200 || !text.startsWith('0'))
    throw new Error(`polling handshake: ${response.status}`);
  return Open.parse(JSON.parse(text.slice(1))).sid;
}

/**
 * Raw engine.io traffic over HTTP long-polling: each payload in its own session, then the odd
 * handshakes. The server may refuse any of it (400, 403, 413), never fail (5xx).
 */
export async function fuzzEngine(url: string, cookie: string, report: FuzzReport): Promise<void> {
  for (const payload of enginePayloads) {
    const sid = await openPolling(url, cookie);
    const response = await fetch(`${url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain;charset=UTF-8' },
      body: payload,
    });
    await response.arrayBuffer();
    count(report, 'raw engine.io payload');
    if (response.status >= 500)
      report.problems.push(`engine.io payload ${show(payload)}: ${response.status}`);
  }
  for (const path of oddHandshakes) {
    const response = await fetch(`${url}${path}`, { headers: { cookie } });
    await response.arrayBuffer();
    count(report, 'odd engine.io handshake');
    if (response.status >= 500) report.problems.push(`handshake ${path.slice(0, 80)}: ${response.status}`);
  }
}

function show(payload: string | Uint8Array): string {
  return typeof payload === 'string'
    ? JSON.stringify(payload.slice(0, 80))
    : `bytes ${[...payload].join(',')}`;
}
