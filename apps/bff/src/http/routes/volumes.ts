import {
  CapacityQuerySchema,
  CsiErrorReportSchema,
  DeleteQuerySchema,
  ExpandRequestSchema,
  IdSchema,
  NodePublishRequestSchema,
  PublishRequestSchema,
  StageRequestSchema,
  VolumeListQuerySchema,
  VolumeRequestSchema,
} from '@drivebay/api-types';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import type { AccessTable } from '../../auth/access.js';
import { requirePrincipal } from '../../auth/principal.js';
import type { VolumeCommands } from '../../commands/volumes.js';
import { type Instruments, noInstruments, secondsSince } from '../../metrics/prometheus/instruments.js';
import { parseInput } from '../parse.js';

const Params = z.object({ id: IdSchema });

/** Events and audit records name the signed-in user or token. */
const actorOf = (res: Response) => requirePrincipal(res).actor;

/** A CSI RPC name, as the plugin sends it in `Drivebay-CSI-Call`. */
const CsiCallHeader = z
  .string()
  .regex(/^[A-Z][A-Za-z]{2,63}$/, 'a CSI RPC name such as NodeStageVolume')
  .optional();

/** The CSI call a request is made for (the plugin says so), recorded on the volume it changes. */
const csiCallOf = (req: Request) =>
  parseInput(
    z.object({ 'drivebay-csi-call': CsiCallHeader }),
    { 'drivebay-csi-call': req.get('drivebay-csi-call') },
    'headers',
  )['drivebay-csi-call'];

/** Times each request the CSI plugin makes for an RPC (it names the RPC in `Drivebay-CSI-Call`). */
function measureCsiCalls(instruments: Instruments): RequestHandler {
  return (req, res, next) => {
    const rpc = req.get('drivebay-csi-call');
    if (rpc) {
      const started = performance.now();
      res.on('finish', () => instruments.csiCall(secondsSince(started), rpc, res.statusCode));
    }
    next();
  };
}

/** Volumes through their CSI-shaped lifecycle, and the placement dry run. Thin: parse, call, answer. */
export function volumeRoutes(
  table: AccessTable,
  volumes: VolumeCommands,
  instruments: Instruments = noInstruments,
): Router {
  const routes = table.router();
  routes.router.use(measureCsiCalls(instruments));
  const id = (req: Request) => parseInput(Params, req.params, 'params').id;

  routes.post('/placement/preview', 'viewer', async (req, res) => {
    res.json(await volumes.preview(parseInput(VolumeRequestSchema, req.body, 'body')));
  });
  routes.post('/capacity/available', 'viewer', async (req, res) => {
    const { parameters } = parseInput(CapacityQuerySchema, req.body, 'body');
    res.json(await volumes.capacity(parameters));
  });
  routes.post('/volumes', 'operator', async (req, res) => {
    const request = parseInput(VolumeRequestSchema, req.body, 'body');
    const result = await volumes.compose(request, actorOf(res), csiCallOf(req));
    res.status(result.created ? 201 : 200).json(result);
  });
  routes.get('/volumes', 'viewer', (req, res) => {
    res.json(volumes.list(parseInput(VolumeListQuerySchema, req.query, 'query')));
  });
  routes.get('/volumes/:id', 'viewer', (req, res) => {
    res.json(volumes.get(id(req)));
  });
  routes.post('/volumes/:id/publish', 'operator', async (req, res) => {
    const { serverId } = parseInput(PublishRequestSchema, req.body, 'body');
    res.json(await volumes.publish(id(req), serverId, actorOf(res), csiCallOf(req)));
  });
  routes.post('/volumes/:id/unpublish', 'operator', async (req, res) => {
    const { serverId } = parseInput(PublishRequestSchema, req.body, 'body');
    res.json(await volumes.unpublish(id(req), serverId, actorOf(res), csiCallOf(req)));
  });
  routes.post('/volumes/:id/stage', 'operator', async (req, res) => {
    const { stagingPath } = parseInput(StageRequestSchema, req.body, 'body');
    res.json(await volumes.stage(id(req), stagingPath, actorOf(res), csiCallOf(req)));
  });
  routes.post('/volumes/:id/unstage', 'operator', async (req, res) => {
    const { stagingPath } = parseInput(StageRequestSchema, req.body, 'body');
    res.json(await volumes.unstage(id(req), stagingPath, actorOf(res), csiCallOf(req)));
  });
  routes.post('/volumes/:id/node-publish', 'operator', async (req, res) => {
    const { targetPath } = parseInput(NodePublishRequestSchema, req.body, 'body');
    res.json(await volumes.nodePublish(id(req), targetPath, actorOf(res), csiCallOf(req)));
  });
  routes.post('/volumes/:id/node-unpublish', 'operator', async (req, res) => {
    const { targetPath } = parseInput(NodePublishRequestSchema, req.body, 'body');
    res.json(await volumes.nodeUnpublish(id(req), targetPath, actorOf(res), csiCallOf(req)));
  });
  routes.post('/volumes/:id/expand', 'operator', async (req, res) => {
    const { capacityBytes } = parseInput(ExpandRequestSchema, req.body, 'body');
    res.json(await volumes.expand(id(req), capacityBytes, actorOf(res), csiCallOf(req)));
  });
  routes.post('/volumes/:id/csi-errors', 'operator', async (req, res) => {
    const report = parseInput(CsiErrorReportSchema, req.body, 'body');
    const volume = volumes.get(id(req));
    instruments.csiNodeError(report.rpc, report.code);
    await volumes.recordCsiFailure(volume.id, { ...report, origin: 'node' }, actorOf(res));
    res.status(204).end();
  });
  routes.delete('/volumes/:id', 'operator', async (req, res) => {
    const { purge } = parseInput(DeleteQuerySchema, req.query, 'query');
    res.json(await volumes.remove(id(req), purge, actorOf(res)));
  });
  return routes.router;
}
