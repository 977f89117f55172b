// The large simulated site and its Redfish service in a process of their own, for
// bench/redfish-source.bench.ts: so that the source's CPU is measured apart from the service's.
// Started by that bench (bundled with esbuild, forked with IPC); never run on its own.
//
// It counts every answer (service side, by the kind of resource) and timestamps every drive the
// site changes, so the bench can say how many requests the source made and how long a change
// took to reach the source's consumer. Messages: `mark` (counts and CPU since the last mark),
// `storm` (a drive-state storm), `flips` (the changes made since the last `flips`), `stop`.
import { performance } from 'node:perf_hooks';
import { generateSite } from '@drivebay/composer';
import { type AnsweredRequest, RedfishSiteService, SimulatedSite } from '@drivebay/simulation';

export const BENCH_CREDENTIALS = { userName: 'bench', password: 'bench-password' };

/** What the parent asks. */
export type SiteCommand =
  | { cmd: 'mark' }
  | { cmd: 'storm'; changes: number; perSecond: number }
  | { cmd: 'flips' }
  | { cmd: 'stop' };

/** Answers since the last mark, by kind of resource, with the service process's CPU meanwhile. */
export interface Traffic {
  requests: number;
  bytes: number;
  notModified: number;
  byKind: Record<string, number>;
  cpuMs: number;
  rssMb: number;
}

/** A drive the site changed: its serial (what Drivebay's drive id is made of) and when, in ms since the epoch. */
export type Flip = [serial: string, at: number];

const now = () => performance.timeOrigin + performance.now();

/** The kind of resource a path names, so a count says what the source asked for. */
function kindOf(method: string, path: string): string {
  if (method !== 'GET') return `${method} ${path.includes('/Sessions') ? 'session' : path}`;
  if (path === '/redfish/v1' || path === '/redfish/v1/') return 'root';
  if (/\/Chassis\/[^/]+\/Drives\/[^/]+$/.test(path)) return 'drive';
  if (/\/Chassis\/[^/]+\/Drives$/.test(path)) return 'drives collection';
  if (/\/Chassis\/[^/]+$/.test(path)) return 'chassis';
  if (/\/Chassis$/.test(path)) return 'chassis collection';
  if (/\/Systems\/[^/]+$/.test(path)) return 'system';
  if (/\/Systems$/.test(path)) return 'systems collection';
  if (path.endsWith('/EventService/SSE')) return 'event stream';
  return path.replace('/redfish/v1/', '');
}

function emptyTraffic(): Omit<Traffic, 'cpuMs' | 'rssMb'> {
  return { requests: 0, bytes: 0, notModified: 0, byKind: {} };
}

async function main(): Promise<void> {
  let traffic = emptyTraffic();
  const count = (answer: AnsweredRequest) => {
    traffic.requests++;
    traffic.bytes += answer.bytes;
    if (answer.status === 304) traffic.notModified++;
    const kind = kindOf(answer.method, answer.path);
    traffic.byKind[kind] = (traffic.byKind[kind] ?? 0) + 1;
  };
  const site = new SimulatedSite(generateSite({ scale: 'large', seed: 1 }), 1);
  await site.start();
  let flips: Flip[] = [];
  site.onChange((changes) => {
    const at = now();
    for (const change of changes) if (change.kind === 'drive-health') flips.push([change.drive.serial, at]);
  });
  const service = new RedfishSiteService(site, { credentials: BENCH_CREDENTIALS, onAnswered: count });
  const { url } = await service.start({ host: '127.0.0.1', port: 0 });
  let cpu = process.cpuUsage();
  const send = (message: unknown) => process.send?.(message);

  process.on('message', async (message: SiteCommand) => {
    switch (message.cmd) {
      case 'mark': {
        const used = process.cpuUsage(cpu);
        cpu = process.cpuUsage();
        send({
          ...traffic,
          cpuMs: (used.user + used.system) / 1000,
          rssMb: process.memoryUsage().rss / 1e6,
        });
        traffic = emptyTraffic();
        return;
      }
      case 'storm':
        await site.inject({ kind: 'drive-storm', changes: message.changes, perSecond: message.perSecond });
        send({ started: true });
        return;
      case 'flips':
        send(flips);
        flips = [];
        return;
      case 'stop':
        await service.stop();
        await site.stop();
        send({ stopped: true });
        process.exit(0);
    }
  });
  send({ url });
}

void main();
