import {
  ComposeResponseSchema,
  CreatedTokenSchema,
  ErrorBodySchema,
  TopologySnapshotSchema,
  VolumeListSchema,
} from '@drivebay/api-types';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../http.js';
import { removeDir, startTestApp, type TestApp } from '../test-app.js';
import { fuzzEngine } from './engine-fuzz.js';
import { type FuzzCase, fuzzCases } from './fuzz-cases.js';
import { bodyAsParsed, classify, isMalformedEnough } from './fuzz-model.js';
import { errorShaped, grouped, suspectedCause } from './fuzz-report.js';
import { type FuzzOutcome, type FuzzTarget, sendAll } from './fuzz-sender.js';
import { handshake, join, type LiveSocket, openLive } from './live-client.js';
import { type FuzzFixtures, realParams, routeInputs } from './route-inputs.js';
import { mutates, ruleKey } from './route-rules.js';
import {
  count,
  emptyReport,
  fuzzHandshakes,
  fuzzLiveSocket,
  rawPackets,
  withThrowawaySocket,
} from './socket-fuzz.js';
import { domainSnapshot, snapshotDiff } from './store-snapshot.js';

/** Set DRIVEBAY_FUZZ_SEED to replay or vary a run; every request follows from it. */
const SEED = Number(process.env.DRIVEBAY_FUZZ_SEED ?? 20_240_611);
const MIN_REQUESTS = 10_000;
const CONCURRENCY = 16;
const GiB = 1024 ** 3;

let t: TestApp;
let fixtures: FuzzFixtures;
let target: FuzzTarget;
let before: Map<string, number>;
let bystander: LiveSocket;
let bystanderDropped = false;

beforeAll(async () => {
  t = await startTestApp();
  const topology = TopologySnapshotSchema.parse((await call(t.admin, 'GET', '/api/v1/topology')).body);
  const volume = { name: 'pvc-fuzz', capacityBytes: GiB, parameters: { type: 'slice' } };
  ComposeResponseSchema.parse((await call(t.admin, 'POST', '/api/v1/volumes', volume)).body);
  await t.app.security.users.create('fuzz-victim', 'viewer', 'fuzz victim password');
  const scopes = ['read', 'write', 'admin'];
  const created = CreatedTokenSchema.parse(
    (await call(t.admin, 'POST', '/api/v1/tokens', { name: 'fuzz', scopes })).body,
  );
  fixtures = {
    volumeId: 'pvc-fuzz',
    username: 'fuzz-victim',
    tokenId: created.token.id,
    driveId: topology.drives.id[0] ?? 'drv-none',
    enclosureId: topology.enclosures[0]?.id ?? 'enc-none',
    serverId: topology.servers[0]?.id ?? 'srv-none',
  };
  target = { url: t.url, cookie: t.admin.cookie, token: created.secret };
  bystander = openLive(t.url, { cookie: t.viewer.cookie });
  bystander.on('disconnect', () => {
    bystanderDropped = true;
  });
  await handshake(bystander);
  await join(bystander, { room: 'topology', sinceRevision: await t.store.revision() });
  before = await domainSnapshot(t.store);
});

afterAll(async () => {
  bystander.disconnect();
  // Audit records of the last refusals are written as their answers leave.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await t.stop();
  removeDir(t.dataDir);
});

/** Runs once, whichever test asks first; each test below checks one property of the outcome. */
function once<T>(run: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => {
    result ??= run();
    return result;
  };
}

const socketRun = once(async () => {
  const started = performance.now();
  const report = emptyReport();
  const main = openLive(t.url, { cookie: t.viewer.cookie });
  await handshake(main);
  await fuzzLiveSocket(main, SEED, report);
  main.disconnect();
  const hostile: ((socket: LiveSocket) => void)[] = [
    ...rawPackets.map((packet) => (socket: LiveSocket) => socket.io.engine.write(packet)),
    ...Array.from({ length: 10 }, (_, i) => (socket: LiveSocket) => {
      socket.emit(
        'live:join',
        { room: 'topology', sinceRevision: 1, pad: 'x'.repeat(17_000 + i * 1_000) },
        () => {},
      );
    }),
    ...Array.from({ length: 10 }, (_, i) => (socket: LiveSocket) => {
      socket.emit('live:join', new Uint8Array(17_000 + i * 1_000), () => {});
    }),
  ];
  for (let i = 0; i < hostile.length; i += 8) {
    const problems = await Promise.all(
      hostile.slice(i, i + 8).map((act) => withThrowawaySocket(t.url, t.viewer.cookie, act)),
    );
    count(report, 'raw or oversized packet', Math.min(8, hostile.length - i));
    report.problems.push(...problems.filter((p) => p !== undefined));
  }
  await fuzzHandshakes(t.url, SEED + 3, report);
  await fuzzEngine(t.url, t.viewer.cookie, report);
  return { report, seconds: (performance.now() - started) / 1000 };
});

const httpRun = once(async () => {
  // Sockets first: a valid join replays store history, which the HTTP fuzz's audit records lengthen.
  await socketRun();
  const started = performance.now();
  const rules = t.app.security.table.rules;
  const inputs = routeInputs(fixtures);
  const perRule = Math.ceil(MIN_REQUESTS / rules.length);
  let skipped = 0;
  const byRule = rules.map((rule, i) => {
    const cases = fc.sample(fuzzCases(rule, inputs[ruleKey(rule)], realParams(fixtures)), {
      seed: SEED + 100 + i,
      numRuns: perRule * 3,
    });
    const malformed = cases.filter((c) => isMalformedEnough(c, classify(c, rules, inputs)));
    skipped += cases.length - malformed.length;
    return malformed.slice(0, perRule);
  });
  // Interleaved, so that every moment of the run mixes routes.
  const requests: FuzzCase[] = [];
  for (let j = 0; j < perRule; j++) for (const cases of byRule) if (cases[j]) requests.push(cases[j]!);
  const outcomes = await sendAll(requests, target, CONCURRENCY);
  return { outcomes, perRule, skipped, rules, inputs, seconds: (performance.now() - started) / 1000 };
});

describe('socket.io fuzz', () => {
  it('answers hundreds of malformed packets correctly, and survives the hostile ones', async () => {
    const { report, seconds } = await socketRun();
    console.info(
      `socket fuzz, seed ${SEED}: ${report.packets} packets in ${seconds.toFixed(1)} s`,
      report.counts,
    );
    expect(report.packets).toBeGreaterThanOrEqual(300);
    expect(report.problems).toEqual([]);
  }, 120_000);

  it('leaves other sockets connected, and new ones served', async () => {
    await socketRun();
    expect(bystanderDropped).toBe(false);
    expect(
      await join(bystander, { room: 'topology', sinceRevision: await t.store.revision() }),
    ).toMatchObject({
      ok: true,
    });
    const fresh = openLive(t.url, { cookie: t.viewer.cookie });
    expect(await handshake(fresh)).toEqual({ connected: true });
    expect(await join(fresh, { room: 'topology', sinceRevision: await t.store.revision() })).toMatchObject({
      ok: true,
    });
    fresh.disconnect();
  });
});

describe('HTTP fuzz', () => {
  it(`sends at least ${MIN_REQUESTS} malformed requests, spread over every route of the table`, async () => {
    const { outcomes, perRule, skipped, rules, seconds } = await httpRun();
    console.info(
      `HTTP fuzz, seed ${SEED}: ${outcomes.length} requests over ${rules.length} routes in ${seconds.toFixed(1)} s ` +
        `(${CONCURRENCY} in flight; ${skipped} generated requests skipped as valid or harmful)`,
    );
    expect(outcomes.length).toBeGreaterThanOrEqual(MIN_REQUESTS);
    const sent = new Map<string, number>();
    for (const o of outcomes) sent.set(o.request.target, (sent.get(o.request.target) ?? 0) + 1);
    for (const rule of rules) expect(sent.get(ruleKey(rule)), ruleKey(rule)).toBe(perRule);
  }, 180_000);

  it('answers none of them with a 5xx or a dropped connection', async () => {
    const { outcomes, rules } = await httpRun();
    const failed = outcomes.filter((o) => o.status >= 500 || o.status === 0);
    expect(grouped(failed, (o) => `${o.status} for ${suspectedCause(o, rules)}`)).toEqual([]);
  }, 180_000);

  it('answers every refusal in the { error: { code, message } } shape', async () => {
    const { outcomes } = await httpRun();
    const unshaped = outcomes.filter((o) => o.status >= 400 && !errorShaped(o));
    expect(grouped(unshaped, (o) => `${o.status} ${o.contentType} ${o.text.slice(0, 60)}`)).toEqual([]);
  }, 180_000);

  it('lets no malformed input succeed on a mutating route, no stranger in, no cross-site mutation', async () => {
    const { outcomes, rules, inputs } = await httpRun();
    const wrong = (o: FuzzOutcome): string | undefined => {
      const { rule, parsesNothing } = classify(o.request, rules, inputs);
      const ok = o.status >= 200 && o.status < 300;
      if (ok && rule && mutates(rule) && !parsesNothing) return `${o.status}: malformed input accepted`;
      // express.json() runs before the security chain: a body it refuses is a 400 to anyone.
      const refusedEarly = bodyAsParsed(o.request.body).rejected || o.status >= 500;
      const inApi = new URL(o.request.path, t.url).pathname.toLowerCase().startsWith('/api/v1');
      if (!inApi || refusedEarly) return undefined;
      const crossSite = ['no-csrf', 'foreign-origin'].includes(o.request.auth) && o.request.method !== 'GET';
      if (crossSite && o.status !== 403) return `${o.status} to a cross-site mutation`;
      const bogus = o.request.auth === 'bogus-token';
      const anonymous = o.request.auth === 'anonymous' || o.request.auth === 'bogus-cookie';
      if ((bogus || (anonymous && rule?.access !== 'public')) && o.status !== 401)
        return `${o.status} to a stranger`;
      return undefined;
    };
    expect(grouped(outcomes.filter(wrong), (o) => wrong(o) ?? '')).toEqual([]);
  }, 180_000);

  it('leaves the server healthy and serving valid requests', async () => {
    await httpRun();
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    expect((await call(t.admin, 'GET', '/api/v1/auth/me')).status).toBe(200);
    const list = VolumeListSchema.parse((await call(t.admin, 'GET', '/api/v1/volumes')).body);
    expect(list.volumes.map((v) => v.name)).toEqual(['pvc-fuzz']);
    const preview = { name: 'pvc-after-fuzz', capacityBytes: GiB, parameters: { type: 'slice' } };
    expect(await call(t.operator, 'POST', '/api/v1/placement/preview', preview)).toMatchObject({
      status: 200,
      body: { feasible: true },
    });
  }, 180_000);

  it('changes no domain state: the same keys at the same revisions', async () => {
    await httpRun();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(snapshotDiff(before, await domainSnapshot(t.store))).toEqual([]);
  }, 180_000);
});

describe('malformed input the fuzz found answered with 500', () => {
  const gzip = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
  const deflate = { 'content-type': 'application/json', 'content-encoding': 'deflate' };
  it.each([
    ['a path param that is not valid percent-encoding', 'GET', '/api/v1/volumes/%E0%A4%A', {}, undefined],
    ['a lone % in a path param', 'DELETE', '/api/v1/users/%', {}, undefined],
    ['a gzip body that does not inflate', 'POST', '/api/v1/placement/preview', gzip, 'not gzip'],
    ['a deflate body that does not inflate', 'POST', '/api/v1/volumes', deflate, 'not deflate'],
  ] as const)('%s: 400 in the error shape', async (_what, method, path, headers, body) => {
    const response = await t.admin.fetch(path, { method, headers, ...(body ? { body } : {}) });
    expect(response.status).toBe(400);
    expect(ErrorBodySchema.safeParse(await response.json()).success).toBe(true);
  });
});
