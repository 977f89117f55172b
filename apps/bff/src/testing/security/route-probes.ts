import { TopologySnapshotSchema, VolumeSchema } from '@drivebay/api-types';
import { testUsers } from '../clients.js';
import { call } from '../http.js';
import type { TestApp } from '../test-app.js';
import type { RuleKey } from './route-rules.js';

const GiB = 1024 ** 3;

/** Real objects of the site, for path params and bodies that a route accepts. */
export interface Fixtures {
  driveId: string;
  enclosureId: string;
  serverId: string;
}

export async function loadFixtures(t: TestApp): Promise<Fixtures> {
  const topology = TopologySnapshotSchema.parse((await call(t.admin, 'GET', '/api/v1/topology')).body);
  const driveId = topology.drives.id[0];
  const enclosureId = topology.enclosures[0]?.id;
  const serverId = topology.servers[0]?.id;
  if (!driveId || !enclosureId || !serverId) throw new Error('the simulated site has no drives or servers');
  return { driveId, enclosureId, serverId };
}

/** Who makes one probing call: a user (name and password), or nobody. */
export interface ProbeContext {
  t: TestApp;
  fixtures: Fixtures;
  caller: { username: string; password: string } | undefined;
  /** Unique per call, for throwaway names. */
  unique: string;
}

export interface ProbeRequest {
  /** Path with the query string, from /api/v1. */
  path: string;
  body?: unknown;
}

/** How to call one route for real: a throwaway target, a valid request, the status of success. */
export interface Probe {
  ok: number;
  /** Ends the caller's session (sign-out, password change): each role calls as a throwaway user. */
  ownSession?: true;
  prepare(context: ProbeContext): Promise<ProbeRequest> | ProbeRequest;
}

type Stage = 'Created' | 'ControllerPublished' | 'NodeStaged' | 'NodePublished';
const STAGING = '/var/lib/kubelet/plugins/drivebay/staging';
const TARGET = '/var/lib/kubelet/pods/probe/volumes/drivebay';

/** A fresh 1 GiB slice volume, brought by the admin to `stage` of its lifecycle. */
async function freshVolume({ t, fixtures, unique }: ProbeContext, stage: Stage = 'Created'): Promise<string> {
  const name = `pvc-probe-${unique}`;
  const steps: [Stage, string, object][] = [
    ['ControllerPublished', 'publish', { serverId: fixtures.serverId }],
    ['NodeStaged', 'stage', { stagingPath: STAGING }],
    ['NodePublished', 'node-publish', { targetPath: TARGET }],
  ];
  const created = await call(t.admin, 'POST', '/api/v1/volumes', {
    name,
    capacityBytes: GiB,
    parameters: { type: 'slice' },
  });
  if (created.status !== 201)
    throw new Error(`compose ${name}: ${created.status} ${JSON.stringify(created.body)}`);
  const order: Stage[] = ['Created', 'ControllerPublished', 'NodeStaged', 'NodePublished'];
  for (const [reached, step, body] of steps) {
    if (order.indexOf(reached) > order.indexOf(stage)) break;
    const moved = await call(t.admin, 'POST', `/api/v1/volumes/${name}/${step}`, body);
    if (moved.status !== 200)
      throw new Error(`${step} ${name}: ${moved.status} ${JSON.stringify(moved.body)}`);
  }
  VolumeSchema.parse((await call(t.admin, 'GET', `/api/v1/volumes/${name}`)).body);
  return name;
}

/** A throwaway viewer nobody signs in as. */
async function throwawayUser({ t, unique }: ProbeContext): Promise<string> {
  const username = `probe-${unique}`;
  await t.app.security.users.create(username, 'viewer', 'throwaway password 1');
  return username;
}

const volumeStep = (step: string, stage: Stage, body: (f: Fixtures) => object): Probe => ({
  ok: 200,
  prepare: async (c) => ({ path: `/volumes/${await freshVolume(c, stage)}/${step}`, body: body(c.fixtures) }),
});

/** One probe per rule of the access table; the test fails for a rule without one. */
export const probes: Record<RuleKey, Probe> = {
  'GET /api/v1/auth/config': { ok: 200, prepare: () => ({ path: '/auth/config' }) },
  'POST /api/v1/auth/login': {
    ok: 200,
    prepare: () => ({ path: '/auth/login', body: testUsers.viewer }),
  },
  'GET /api/v1/auth/me': { ok: 200, prepare: () => ({ path: '/auth/me' }) },
  'POST /api/v1/auth/logout': { ok: 204, ownSession: true, prepare: () => ({ path: '/auth/logout' }) },
  'POST /api/v1/auth/password': {
    ok: 204,
    ownSession: true,
    prepare: ({ caller }) => ({
      path: '/auth/password',
      body: { currentPassword: caller?.password ?? 'not signed in', newPassword: 'a new password 12' },
    }),
  },
  'GET /api/v1/users': { ok: 200, prepare: () => ({ path: '/users' }) },
  'POST /api/v1/users': {
    ok: 201,
    prepare: ({ unique }) => ({
      path: '/users',
      body: { username: `new-${unique}`, role: 'viewer', password: 'throwaway password 1' },
    }),
  },
  'PATCH /api/v1/users/:username': {
    ok: 200,
    prepare: async (c) => ({ path: `/users/${await throwawayUser(c)}`, body: { role: 'operator' } }),
  },
  'DELETE /api/v1/users/:username': {
    ok: 204,
    prepare: async (c) => ({ path: `/users/${await throwawayUser(c)}` }),
  },
  'GET /api/v1/tokens': { ok: 200, prepare: () => ({ path: '/tokens' }) },
  'POST /api/v1/tokens': {
    ok: 201,
    prepare: () => ({ path: '/tokens', body: { name: 'probe', scopes: ['read'], expiresInDays: 1 } }),
  },
  'DELETE /api/v1/tokens/:id': {
    ok: 204,
    prepare: async ({ t, caller }) => {
      const owner = caller?.username ?? testUsers.viewer.username;
      const { token } = await t.app.security.tokens.create(owner, 'probe', ['read'], 1);
      return { path: `/tokens/${token.id}` };
    },
  },
  'GET /api/v1/audit': { ok: 200, prepare: () => ({ path: '/audit?limit=5' }) },
  'GET /api/v1/topology': { ok: 200, prepare: () => ({ path: '/topology' }) },
  'GET /api/v1/drives/:id': { ok: 200, prepare: ({ fixtures }) => ({ path: `/drives/${fixtures.driveId}` }) },
  'GET /api/v1/hardware/sources': { ok: 200, prepare: () => ({ path: '/hardware/sources' }) },
  // The test app's site is in-process: past the access check, no enclosure has a source record.
  'GET /api/v1/enclosures/:id/source': {
    ok: 404,
    prepare: ({ fixtures }) => ({ path: `/enclosures/${fixtures.enclosureId}/source` }),
  },
  // Clearing a LED that is not lit changes nothing, so the probes leave the site as it was.
  'POST /api/v1/drives/:id/locate': {
    ok: 200,
    prepare: ({ fixtures }) => ({ path: `/drives/${fixtures.driveId}/locate`, body: { on: false } }),
  },
  'POST /api/v1/enclosures/:id/locate': {
    ok: 200,
    prepare: ({ fixtures }) => ({ path: `/enclosures/${fixtures.enclosureId}/locate`, body: { on: false } }),
  },
  'GET /api/v1/enclosures/:id': {
    ok: 200,
    prepare: ({ fixtures }) => ({ path: `/enclosures/${fixtures.enclosureId}` }),
  },
  'GET /api/v1/servers': {
    ok: 200,
    prepare: ({ fixtures }) => ({ path: `/servers?hostname=${fixtures.serverId}` }),
  },
  'GET /api/v1/servers/:id': {
    ok: 200,
    prepare: ({ fixtures }) => ({ path: `/servers/${fixtures.serverId}` }),
  },
  'POST /api/v1/admin/simulator/faults': {
    ok: 202,
    // Bringing an online enclosure online changes nothing, so the site stays whole for other probes.
    prepare: ({ fixtures }) => ({
      path: '/admin/simulator/faults',
      body: { kind: 'enclosure-online', enclosureId: fixtures.enclosureId },
    }),
  },
  'GET /api/v1/events': { ok: 200, prepare: () => ({ path: '/events?limit=5' }) },
  'GET /api/v1/incident': { ok: 200, prepare: () => ({ path: '/incident' }) },
  'GET /api/v1/incident/summary': { ok: 200, prepare: () => ({ path: '/incident/summary' }) },
  'GET /api/v1/capacity': { ok: 200, prepare: () => ({ path: '/capacity' }) },
  'GET /api/v1/clusters': { ok: 200, prepare: () => ({ path: '/clusters' }) },
  'GET /api/v1/workloads': { ok: 200, prepare: () => ({ path: '/workloads?cluster=simulated' }) },
  'GET /api/v1/pods': { ok: 200, prepare: () => ({ path: '/pods?affected=true&limit=5' }) },
  'GET /api/v1/claims': { ok: 200, prepare: () => ({ path: '/claims?limit=5' }) },
  'GET /api/v1/nodes': { ok: 200, prepare: () => ({ path: '/nodes' }) },
  // The test app watches no cluster: past the access check, an unknown pod or claim is NOT_FOUND.
  'GET /api/v1/pods/:cluster/:namespace/:name': {
    ok: 404,
    prepare: () => ({ path: '/pods/simulated/kafka/kafka-0' }),
  },
  'GET /api/v1/claims/:cluster/:namespace/:name': {
    ok: 404,
    prepare: () => ({ path: '/claims/simulated/kafka/logs-kafka-0' }),
  },
  'GET /api/v1/metrics/history': { ok: 200, prepare: () => ({ path: '/metrics/history?points=10' }) },
  'POST /api/v1/placement/preview': {
    ok: 200,
    prepare: ({ unique }) => ({
      path: '/placement/preview',
      body: { name: `pvc-preview-${unique}`, capacityBytes: GiB, parameters: { type: 'slice' } },
    }),
  },
  'POST /api/v1/capacity/available': {
    ok: 200,
    prepare: () => ({ path: '/capacity/available', body: { parameters: { type: 'slice' } } }),
  },
  'POST /api/v1/volumes/:id/csi-errors': {
    ok: 204,
    prepare: async (c) => ({
      path: `/volumes/${await freshVolume(c)}/csi-errors`,
      body: { rpc: 'NodeStageVolume', code: 'INTERNAL', message: 'a probe' },
    }),
  },
  'POST /api/v1/volumes': {
    ok: 201,
    prepare: ({ unique }) => ({
      path: '/volumes',
      body: { name: `pvc-new-${unique}`, capacityBytes: GiB, parameters: { type: 'slice' } },
    }),
  },
  'GET /api/v1/volumes': { ok: 200, prepare: () => ({ path: '/volumes?limit=5' }) },
  'GET /api/v1/volumes/:id': {
    ok: 200,
    prepare: async (c) => ({ path: `/volumes/${await freshVolume(c)}` }),
  },
  'POST /api/v1/volumes/:id/publish': volumeStep('publish', 'Created', (f) => ({ serverId: f.serverId })),
  'POST /api/v1/volumes/:id/unpublish': volumeStep('unpublish', 'ControllerPublished', (f) => ({
    serverId: f.serverId,
  })),
  'POST /api/v1/volumes/:id/stage': volumeStep('stage', 'ControllerPublished', () => ({
    stagingPath: STAGING,
  })),
  'POST /api/v1/volumes/:id/unstage': volumeStep('unstage', 'NodeStaged', () => ({ stagingPath: STAGING })),
  'POST /api/v1/volumes/:id/node-publish': volumeStep('node-publish', 'NodeStaged', () => ({
    targetPath: TARGET,
  })),
  'POST /api/v1/volumes/:id/node-unpublish': volumeStep('node-unpublish', 'NodePublished', () => ({
    targetPath: TARGET,
  })),
  'POST /api/v1/volumes/:id/expand': volumeStep('expand', 'Created', () => ({ capacityBytes: 2 * GiB })),
  'DELETE /api/v1/volumes/:id': {
    ok: 200,
    prepare: async (c) => ({ path: `/volumes/${await freshVolume(c)}` }),
  },
};
