import {
  DeleteQuerySchema,
  ExpandRequestSchema,
  IdSchema,
  NodePublishRequestSchema,
  PublishRequestSchema,
  StageRequestSchema,
  VolumeListQuerySchema,
  VolumeRequestSchema,
} from '@drivebay/api-types';
import { type Request, Router } from 'express';
import { z } from 'zod';
import type { VolumeCommands } from '../../commands/volumes.js';
import { parseInput } from '../parse.js';

const Params = z.object({ id: IdSchema });

/** Until users exist (issue 4), every HTTP caller acts as the anonymous operator. */
const actorOf = (_req: Request) => 'user:anonymous';

/** Volumes through their CSI-shaped lifecycle, and the placement dry run. Thin: parse, call, answer. */
export function volumeRoutes(volumes: VolumeCommands): Router {
  const router = Router();
  const id = (req: Request) => parseInput(Params, req.params, 'params').id;

  router.post('/placement/preview', async (req, res) => {
    res.json(await volumes.preview(parseInput(VolumeRequestSchema, req.body, 'body')));
  });
  router.post('/volumes', async (req, res) => {
    const result = await volumes.compose(parseInput(VolumeRequestSchema, req.body, 'body'), actorOf(req));
    res.status(result.created ? 201 : 200).json(result);
  });
  router.get('/volumes', (req, res) => {
    res.json(volumes.list(parseInput(VolumeListQuerySchema, req.query, 'query')));
  });
  router.get('/volumes/:id', (req, res) => {
    res.json(volumes.get(id(req)));
  });
  router.post('/volumes/:id/publish', async (req, res) => {
    const { serverId } = parseInput(PublishRequestSchema, req.body, 'body');
    res.json(await volumes.publish(id(req), serverId, actorOf(req)));
  });
  router.post('/volumes/:id/unpublish', async (req, res) => {
    const { serverId } = parseInput(PublishRequestSchema, req.body, 'body');
    res.json(await volumes.unpublish(id(req), serverId, actorOf(req)));
  });
  router.post('/volumes/:id/stage', async (req, res) => {
    const { stagingPath } = parseInput(StageRequestSchema, req.body, 'body');
    res.json(await volumes.stage(id(req), stagingPath, actorOf(req)));
  });
  router.post('/volumes/:id/unstage', async (req, res) => {
    const { stagingPath } = parseInput(StageRequestSchema, req.body, 'body');
    res.json(await volumes.unstage(id(req), stagingPath, actorOf(req)));
  });
  router.post('/volumes/:id/node-publish', async (req, res) => {
    const { targetPath } = parseInput(NodePublishRequestSchema, req.body, 'body');
    res.json(await volumes.nodePublish(id(req), targetPath, actorOf(req)));
  });
  router.post('/volumes/:id/node-unpublish', async (req, res) => {
    const { targetPath } = parseInput(NodePublishRequestSchema, req.body, 'body');
    res.json(await volumes.nodeUnpublish(id(req), targetPath, actorOf(req)));
  });
  router.post('/volumes/:id/expand', async (req, res) => {
    const { capacityBytes } = parseInput(ExpandRequestSchema, req.body, 'body');
    res.json(await volumes.expand(id(req), capacityBytes, actorOf(req)));
  });
  router.delete('/volumes/:id', async (req, res) => {
    const { purge } = parseInput(DeleteQuerySchema, req.query, 'query');
    res.json(await volumes.remove(id(req), purge, actorOf(req)));
  });
  return router;
}
