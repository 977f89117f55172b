// The production Redfish source (apps/bff/src/sources/redfish) discovering and following the
// large simulated site (1,664 enclosures, 100,000 drives, 10,000 servers) over real HTTP on
// loopback: the service runs in a child process (bench/redfish-site-process.ts), so each side's
// CPU is its own; the source's consumer only counts what it is told and when.
//
// Two runs: with SSE (discovery, 30 s quiet, a storm of 1,000 drive changes/s for 20 s), and with
// SSE off (`follow.useSse: false`: discovery, then two poll cycles with ETags at the default 30 s).
// Requests and bytes are counted on the service's side, by kind of resource.
//
//   npm run bench -- bench/redfish-source.bench.ts
//
// Env: REDFISH_BENCH_QUIET_S (30), REDFISH_BENCH_STORM_RATE (1000), REDFISH_BENCH_STORM_S (20),
// REDFISH_BENCH_POLL_S (30) to try other figures.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { HardwareObservation } from '@drivebay/api-types';
import { build } from 'esbuild';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { Logger } from '../apps/bff/src/log.js';
import { RedfishHardwareSource } from '../apps/bff/src/sources/redfish/index.js';
import { RedfishService } from '../apps/bff/src/sources/redfish/service.js';
import { BENCH_CREDENTIALS, type Flip, type SiteCommand, type Traffic } from './redfish-site-process.js';

const QUIET_S = Number(process.env.REDFISH_BENCH_QUIET_S ?? 30);
const STORM_RATE = Number(process.env.REDFISH_BENCH_STORM_RATE ?? 1_000);
const STORM_S = Number(process.env.REDFISH_BENCH_STORM_S ?? 20);
const POLL_S = Number(process.env.REDFISH_BENCH_POLL_S ?? 30);

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

// --- the site's process ---

let child: ChildProcess;
let url = '';
let outDir = '';
const replies: ((message: unknown) => void)[] = [];

function ask<T>(command: SiteCommand): Promise<T> {
  return new Promise((resolve) => {
    replies.push(resolve as (message: unknown) => void);
    child.send(command);
  });
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'drivebay-bench-redfish-'));
  const entry = fileURLToPath(new URL('./redfish-site-process.ts', import.meta.url));
  const outfile = join(outDir, 'site.cjs');
  // The workspace packages are TypeScript sources: one bundle runs under plain node (CommonJS,
  // since some dependencies require Node's modules dynamically).
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
  child = fork(outfile, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('message', (message) => replies.shift()?.(message));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the site's process exited (${code})`))),
  );
  exited.catch(() => {});
  const started = new Promise<{ url: string }>((resolve) => replies.push(resolve as (m: unknown) => void));
  url = (await Promise.race([started, exited])).url;
}, 120_000);

afterAll(async () => {
  if (child.connected) await ask({ cmd: 'stop' });
  rmSync(outDir, { recursive: true, force: true });
});

// --- the source's side: a counting consumer, and what the source's own process spends ---

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** What the consumer saw: the first inventory's time and size, and when each drive's health changed. */
class CountingConsumer {
  inventoryAt = 0;
  enclosures = 0;
  drives = 0;
  observations = 0;
  reports = 0;
  private readonly health = new Map<string, string>();
  /** Serial → when its new health was first observed. */
  changedAt = new Map<string, number>();

  readonly sink = async (observation: HardwareObservation) => {
    const at = now();
    this.observations++;
    if (observation.type === 'inventory') {
      this.inventoryAt ||= at;
      this.enclosures = observation.enclosures.length;
      this.drives = 0;
      for (const { drives } of observation.enclosures) {
        this.drives += drives.length;
        for (const drive of drives) this.health.set(drive.serial, drive.health);
      }
    }
    const reports =
      observation.type === 'enclosures'
        ? observation.reports
        : observation.type === 'enclosure'
          ? [observation]
          : [];
    this.reports += reports.length;
    for (const report of reports) {
      for (const drive of report.drives) {
        if (this.health.get(drive.serial) === drive.health) continue;
        this.health.set(drive.serial, drive.health);
        if (!this.changedAt.has(drive.serial)) this.changedAt.set(drive.serial, at);
      }
    }
    return { revision: this.observations, events: [] };
  };
}

/** CPU (ms) and wall time of this process from a mark; RSS now. */
function processMark() {
  const cpu = process.cpuUsage();
  const started = now();
  return () => {
    const used = process.cpuUsage(cpu);
    const wallMs = now() - started;
    const cpuMs = (used.user + used.system) / 1000;
    return { cpuMs, wallMs, corePct: (100 * cpuMs) / wallMs, rssMb: process.memoryUsage().rss / 1e6 };
  };
}

/** Counts the SSE messages (and their event records) the source parses: a spy on the real class. */
const events = { messages: 0, records: 0 };
const proto = RedfishService.prototype as unknown as { onEvent(event: { Events?: unknown[] }): void };
const onEvent = proto.onEvent;
proto.onEvent = function (this: unknown, event) {
  events.messages++;
  events.records += event.Events?.length ?? 0;
  return onEvent.call(this, event);
};

/** Marks the start of each poll cycle: the end of its wait of one poll interval. */
let cycleStartedAt = 0;
const waitProto = RedfishService.prototype as unknown as {
  wait(ms: number, signal: AbortSignal): Promise<void>;
};
const wait = waitProto.wait;
waitProto.wait = async function (this: unknown, ms, signal) {
  await wait.call(this, ms, signal);
  if (ms === POLL_S * 1000) cycleStartedAt = now();
};

/** Marks the end of each poll cycle (its re-read, the last step), with what the cycle found changed. */
const pollCycles: { startedAt: number; endedAt: number; changed: number }[] = [];
const rereadProto = RedfishService.prototype as unknown as {
  reread(paths: string[], ...rest: unknown[]): Promise<void>;
};
const reread = rereadProto.reread;
rereadProto.reread = async function (this: unknown, paths, ...rest) {
  await reread.call(this, paths, ...rest);
  pollCycles.push({ startedAt: cycleStartedAt, endedAt: now(), changed: paths.length });
};

function newSource(useSse: boolean) {
  const consumer = new CountingConsumer();
  const source = new RedfishHardwareSource({
    endpoints: [
      { url, credentials: { username: BENCH_CREDENTIALS.userName, password: BENCH_CREDENTIALS.password } },
    ],
    site: { id: 'site', name: 'Bench site' },
    log: silent,
    follow: { pollIntervalMs: POLL_S * 1000, useSse },
  });
  return { source, consumer };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kinds = (t: Traffic) =>
  Object.entries(t.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function discover(useSse: boolean, label: string) {
  await ask<Traffic>({ cmd: 'mark' });
  const rssBefore = process.memoryUsage().rss / 1e6;
  const mark = processMark();
  const { source, consumer } = newSource(useSse);
  const started = now();
  await source.start(consumer.sink);
  const own = mark();
  const service = await ask<Traffic>({ cmd: 'mark' });
  if (consumer.drives !== 100_000) throw new Error(`discovery saw ${consumer.drives} drives, not 100,000`);
  const scan = source.status()[0]?.lastScan;
  console.log(
    `[${label}] discovery: first inventory after ${(consumer.inventoryAt - started).toFixed(0)} ms ` +
      `(${consumer.enclosures} enclosures, ${consumer.drives} drives); ` +
      `service saw ${service.requests} requests, ${mb(service.bytes)} (${kinds(service)}); ` +
      `source counted ${scan?.requests} in its scan; ` +
      `source CPU ${own.cpuMs.toFixed(0)} ms (${own.corePct.toFixed(0)} % of a core), ` +
      `RSS ${rssBefore.toFixed(0)} → ${own.rssMb.toFixed(0)} MB; service CPU ${service.cpuMs.toFixed(0)} ms`,
  );
  return { source, consumer };
}

// --- with SSE ---

describe('Redfish source, large site, SSE', () => {
  let running: ReturnType<typeof newSource> | undefined;
  afterAll(async () => running?.source.stop());

  bench(
    'discovery: start → first complete inventory at the consumer',
    async () => {
      running = await discover(true, 'sse');
      const deadline = now() + 10_000;
      while (running.source.status()[0]?.changes !== 'sse' && now() < deadline) await sleep(20);
      const connect = await ask<Traffic>({ cmd: 'mark' });
      console.log(`[sse] then, to follow the event stream: ${connect.requests} requests (${kinds(connect)})`);
    },
    once,
  );

  bench(
    `quiet for ${QUIET_S} s, following the event stream`,
    async () => {
      await ask<Traffic>({ cmd: 'mark' });
      const mark = processMark();
      await sleep(QUIET_S * 1000);
      const own = mark();
      const service = await ask<Traffic>({ cmd: 'mark' });
      console.log(
        `[sse] quiet ${QUIET_S} s: source CPU ${own.cpuMs.toFixed(0)} ms (${own.corePct.toFixed(2)} % of a core), ` +
          `RSS ${own.rssMb.toFixed(0)} MB; ${service.requests} requests (${kinds(service)}); ` +
          `service CPU ${service.cpuMs.toFixed(0)} ms`,
      );
    },
    once,
  );

  bench(
    `storm: ${STORM_RATE} drive changes/s for ${STORM_S} s`,
    async () => {
      const consumer = running?.consumer;
      if (!consumer) throw new Error('no source running');
      const changes = STORM_RATE * STORM_S;
      await ask<Flip[]>({ cmd: 'flips' });
      await ask<Traffic>({ cmd: 'mark' });
      consumer.changedAt.clear();
      const reportsBefore = consumer.reports;
      const observationsBefore = consumer.observations;
      events.messages = 0;
      events.records = 0;
      const mark = processMark();
      await ask({ cmd: 'storm', changes, perSecond: STORM_RATE });
      // The storm's own length, then until every change has reached the consumer (or 10 s more).
      await sleep(STORM_S * 1000);
      const deadline = now() + 10_000;
      while (consumer.changedAt.size < changes && now() < deadline) await sleep(50);
      const own = mark();
      const service = await ask<Traffic>({ cmd: 'mark' });
      const flips = await ask<Flip[]>({ cmd: 'flips' });
      const lags: number[] = [];
      for (const [serial, at] of flips) {
        const seen = consumer.changedAt.get(serial);
        if (seen !== undefined) lags.push(seen - at);
      }
      lags.sort((a, b) => a - b);
      console.log(
        `[sse] storm: ${flips.length} changes made, ${lags.length} observed by the consumer; ` +
          `lag p50 ${pct(lags, 0.5).toFixed(0)} ms, p99 ${pct(lags, 0.99).toFixed(0)} ms, max ${lags.at(-1)?.toFixed(0)} ms; ` +
          `${events.messages} SSE messages (${(events.messages / STORM_S).toFixed(0)}/s, ${events.records} records); ` +
          `${consumer.observations - observationsBefore} observations carrying ${consumer.reports - reportsBefore} enclosure reports; ` +
          `source CPU ${own.cpuMs.toFixed(0)} ms over ${(own.wallMs / 1000).toFixed(1)} s (${own.corePct.toFixed(0)} % of a core), ` +
          `RSS ${own.rssMb.toFixed(0)} MB; service saw ${service.requests} requests, ${mb(service.bytes)} (${kinds(service)}), ` +
          `service CPU ${service.cpuMs.toFixed(0)} ms`,
      );
    },
    once,
  );
});

// --- without SSE: polling with ETags ---

describe('Redfish source, large site, polling', () => {
  let running: ReturnType<typeof newSource> | undefined;
  afterAll(async () => running?.source.stop());

  bench(
    'discovery: start → first complete inventory at the consumer',
    async () => {
      running = await discover(false, 'poll');
    },
    once,
  );

  bench(
    `two poll cycles at ${POLL_S} s, nothing changing`,
    async () => {
      for (let cycle = 1; cycle <= 2; cycle++) {
        pollCycles.length = 0;
        await ask<Traffic>({ cmd: 'mark' });
        const mark = processMark();
        const deadline = now() + POLL_S * 1000 + 60_000;
        while (pollCycles.length === 0 && now() < deadline) await sleep(20);
        const own = mark();
        const service = await ask<Traffic>({ cmd: 'mark' });
        const ended = pollCycles[0];
        console.log(
          `[poll] cycle ${cycle}: ${service.requests} requests (${service.notModified} answered 304), ${mb(service.bytes)} ` +
            `(${kinds(service)}); ${ended?.changed ?? '?'} enclosures re-read; ` +
            `the cycle took ${ended ? (ended.endedAt - ended.startedAt).toFixed(0) : '?'} ms after its ${POLL_S} s wait; ` +
            `source CPU ${own.cpuMs.toFixed(0)} ms, RSS ${own.rssMb.toFixed(0)} MB; service CPU ${service.cpuMs.toFixed(0)} ms`,
        );
      }
    },
    once,
  );
});
