import {
  AuditQuerySchema,
  ChangePasswordRequestSchema,
  ClaimListQuerySchema,
  CreateTokenRequestSchema,
  CreateUserRequestSchema,
  DeleteQuerySchema,
  EventsQuerySchema,
  ExpandRequestSchema,
  FaultRequestSchema,
  IdSchema,
  LocateRequestSchema,
  LoginRequestSchema,
  MetricsHistoryQuerySchema,
  NamespacedRefSchema,
  NodeListQuerySchema,
  NodePublishRequestSchema,
  PodListQuerySchema,
  PublishRequestSchema,
  StageRequestSchema,
  UpdateUserRequestSchema,
  UsernameSchema,
  VolumeListQuerySchema,
  VolumeRequestSchema,
  WorkloadListQuerySchema,
} from '@drivebay/api-types';
import { z } from 'zod';
import type { RuleKey } from './route-rules.js';

/** What a route parses, with the schema it parses it with; a request failing any of them changes nothing. */
export interface RouteInputs {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  /** A valid body and query for it, which the fuzz then breaks. */
  sampleBody?: Record<string, unknown>;
  sampleQuery?: Record<string, string>;
}

/** Real values the fuzz puts in path params and bodies, so that a break in one field meets real objects. */
export interface FuzzFixtures {
  volumeId: string;
  username: string;
  tokenId: string;
  driveId: string;
  enclosureId: string;
  serverId: string;
}

const id = z.object({ id: IdSchema });
const tokenId = z.object({ id: z.string().regex(/^tok-[0-9a-f]{12}$/) });
const username = z.object({ username: UsernameSchema });

/** The inputs of every rule, as its route parses them (see http/routes). Rules absent here parse nothing. */
export function routeInputs(f: FuzzFixtures): Partial<Record<RuleKey, RouteInputs>> {
  const volumeRequest = {
    body: VolumeRequestSchema,
    sampleBody: { name: 'pvc-fuzz-new', capacityBytes: 1024 ** 3, parameters: { type: 'slice' } },
  };
  const lifecycle = (body: z.ZodType, sampleBody: Record<string, unknown>): RouteInputs => ({
    body,
    params: id,
    sampleBody,
  });
  return {
    'POST /api/v1/auth/login': {
      body: LoginRequestSchema,
      sampleBody: { username: f.username, password: 'a wrong password' },
    },
    'POST /api/v1/auth/password': {
      body: ChangePasswordRequestSchema,
      sampleBody: { currentPassword: 'not the password', newPassword: 'a new password 123' },
    },
    'POST /api/v1/users': {
      body: CreateUserRequestSchema,
      sampleBody: { username: 'fuzz-new-user', role: 'admin', password: 'fuzz password 123' },
    },
    'PATCH /api/v1/users/:username': {
      params: username,
      body: UpdateUserRequestSchema,
      sampleBody: { role: 'admin' },
    },
    'DELETE /api/v1/users/:username': { params: username },
    'POST /api/v1/tokens': {
      body: CreateTokenRequestSchema,
      sampleBody: { name: 'fuzz', scopes: ['read'], expiresInDays: 30 },
    },
    'DELETE /api/v1/tokens/:id': { params: tokenId },
    'GET /api/v1/audit': {
      query: AuditQuerySchema,
      sampleQuery: { actor: 'user', result: 'ok,denied', since: '2020-01-01T00:00:00Z', limit: '10' },
    },
    'GET /api/v1/drives/:id': { params: id },
    'GET /api/v1/enclosures/:id': { params: id },
    'POST /api/v1/drives/:id/locate': { params: id, body: LocateRequestSchema, sampleBody: { on: false } },
    'POST /api/v1/enclosures/:id/locate': {
      params: id,
      body: LocateRequestSchema,
      sampleBody: { on: false },
    },
    'POST /api/v1/admin/simulator/faults': {
      body: FaultRequestSchema,
      sampleBody: { kind: 'drive-fail', driveId: f.driveId },
    },
    'GET /api/v1/events': {
      query: EventsQuerySchema,
      sampleQuery: { object: `drive:${f.driveId}`, severity: 'info', limit: '10' },
    },
    'GET /api/v1/metrics/history': {
      query: MetricsHistoryQuerySchema,
      sampleQuery: { since: '2026-01-01T00:00:00Z', points: '50' },
    },
    'POST /api/v1/placement/preview': volumeRequest,
    'GET /api/v1/workloads': {
      query: WorkloadListQuerySchema,
      sampleQuery: { cluster: 'simulated', namespace: 'kafka' },
    },
    'GET /api/v1/pods': {
      query: PodListQuerySchema,
      sampleQuery: { cluster: 'simulated', workload: 'StatefulSet/kafka', drive: f.driveId, limit: '10' },
    },
    'GET /api/v1/pods/:cluster/:namespace/:name': { params: NamespacedRefSchema },
    'GET /api/v1/claims': {
      query: ClaimListQuerySchema,
      sampleQuery: { cluster: 'simulated', volume: f.volumeId, affected: 'true' },
    },
    'GET /api/v1/claims/:cluster/:namespace/:name': { params: NamespacedRefSchema },
    'GET /api/v1/nodes': { query: NodeListQuerySchema, sampleQuery: { cluster: 'simulated' } },
    'POST /api/v1/volumes': volumeRequest,
    'GET /api/v1/volumes': {
      query: VolumeListQuerySchema,
      sampleQuery: { type: 'slice', offset: '0', limit: '10' },
    },
    'GET /api/v1/volumes/:id': { params: id },
    'POST /api/v1/volumes/:id/publish': lifecycle(PublishRequestSchema, { serverId: f.serverId }),
    'POST /api/v1/volumes/:id/unpublish': lifecycle(PublishRequestSchema, { serverId: f.serverId }),
    'POST /api/v1/volumes/:id/stage': lifecycle(StageRequestSchema, { stagingPath: '/staging/fuzz' }),
    'POST /api/v1/volumes/:id/unstage': lifecycle(StageRequestSchema, { stagingPath: '/staging/fuzz' }),
    'POST /api/v1/volumes/:id/node-publish': lifecycle(NodePublishRequestSchema, {
      targetPath: '/pods/fuzz',
    }),
    'POST /api/v1/volumes/:id/node-unpublish': lifecycle(NodePublishRequestSchema, {
      targetPath: '/pods/fuzz',
    }),
    'POST /api/v1/volumes/:id/expand': lifecycle(ExpandRequestSchema, { capacityBytes: 4 * 1024 ** 3 }),
    'DELETE /api/v1/volumes/:id': { params: id, query: DeleteQuerySchema, sampleQuery: { purge: 'true' } },
  };
}

/** Real values for each path param name of the table. */
export function realParams(f: FuzzFixtures): Record<string, string[]> {
  return {
    id: [f.volumeId, f.tokenId, f.driveId, f.enclosureId],
    username: [f.username, 'vera', 'otto', 'ada'],
  };
}
