// The simulator's Redfish service at DriveScale's maximum (1,664 enclosures, 100,000 drives,
// 10,000 servers): full discovery as a client does it with $expand and paging, over real HTTP
// on loopback, and the service's CPU while a storm turns into SSE events.
// Run: npx vitest bench --run --config bench/vitest.bench.config.ts bench/redfish.bench.ts
import { generateSite } from '@drivebay/composer';
import { RedfishSiteService, SimulatedSite } from '@drivebay/simulation';
import { afterAll, beforeAll, bench, describe } from 'vitest';

const credentials = { userName: 'bench', password: 'bench' };
const site = new SimulatedSite(generateSite({ scale: 'large', seed: 1 }), 1);
const service = new RedfishSiteService(site, { credentials, heartbeatMs: 0 });
let base = '';
let token = '';

beforeAll(async () => {
  await site.start();
  base = (await service.start({ host: '127.0.0.1', port: 0 })).url;
  const res = await fetch(`${base}/redfish/v1/SessionService/Sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ UserName: credentials.userName, Password: credentials.password }),
  });
  token = res.headers.get('x-auth-token') ?? '';
});

afterAll(async () => {
  await service.stop();
  await site.stop();
});

interface Walk {
  requests: number;
  bytes: number;
  members: number;
}

async function walk(path: string, walked: Walk): Promise<void> {
  for (let next: string | undefined = path; next; ) {
    const res = await fetch(`${base}${next}`, { headers: { 'x-auth-token': token } });
    const text = await res.text();
    const page = JSON.parse(text) as { Members: unknown[]; 'Members@odata.nextLink'?: string };
    walked.requests++;
    walked.bytes += text.length;
    walked.members += page.Members.length;
    next = page['Members@odata.nextLink'];
  }
}

let reported = false;

describe('Redfish service, large site', () => {
  bench(
    'full discovery: Chassis?$expand=*($levels=2) + Systems?$expand=.($levels=1), every page',
    async () => {
      const walked = { requests: 0, bytes: 0, members: 0 };
      await walk('/redfish/v1/Chassis?$expand=*($levels=2)', walked);
      await walk('/redfish/v1/Systems?$expand=.($levels=1)', walked);
      if (!reported) {
        reported = true;
        console.log(
          `discovery: ${walked.requests} requests, ${(walked.bytes / 1e6).toFixed(1)} MB, ${walked.members} members`,
        );
      }
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );

  bench(
    'storm of 10,000 drive changes at 5,000/s with one SSE client: service CPU',
    async () => {
      const controller = new AbortController();
      const res = await fetch(`${base}/redfish/v1/EventService/SSE`, {
        headers: { 'x-auth-token': token },
        signal: controller.signal,
      });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let events = 0;
      const cpu = process.cpuUsage();
      await site.inject({ kind: 'drive-storm', changes: 10_000, perSecond: 5_000 });
      while (events < 10_000) {
        const { value, done } = await reader.read();
        if (done) break;
        events += decoder.decode(value).split('"EventId"').length - 1;
      }
      const used = process.cpuUsage(cpu);
      controller.abort();
      console.log(
        `storm: ${events} event records, process CPU ${((used.user + used.system) / 1000).toFixed(0)} ms over ~2 s`,
      );
    },
    { iterations: 2, warmupIterations: 0, time: 0 },
  );
});
