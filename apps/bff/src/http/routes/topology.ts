import { IdSchema, ServerQuerySchema } from '@drivebay/api-types';
import type { Inventory } from '@drivebay/composer';
import type { Router } from 'express';
import { z } from 'zod';
import type { AccessTable } from '../../auth/access.js';
import { CommandError } from '../../commands/errors.js';
import type { SnapshotCache } from '../../topology/snapshot.js';
import { parseInput } from '../parse.js';

const IdParams = z.object({ id: IdSchema });

/** Read-side of the inventory: the whole-site snapshot and single records. */
export function topologyRoutes(
  table: AccessTable,
  snapshots: SnapshotCache,
  inventory: () => Inventory,
): Router {
  const routes = table.router();

  routes.get('/topology', 'viewer', (req, res) => {
    const snapshot = snapshots.current();
    res.setHeader('ETag', snapshot.etag);
    // 1 MB at 100,000 drives: the browser may keep it to revalidate by ETag (304), no shared cache may.
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === snapshot.etag) {
      res.status(304).end();
      return;
    }
    res.type('application/json');
    if (req.acceptsEncodings('gzip') === 'gzip') {
      res.setHeader('Content-Encoding', 'gzip');
      res.send(snapshot.gzip);
      return;
    }
    res.send(snapshot.json);
  });

  routes.get('/drives/:id', 'viewer', (req, res) => {
    const { id } = parseParams(req.params);
    const drive = inventory().drives.get(id);
    if (!drive) throw new CommandError('NOT_FOUND', `drive "${id}" does not exist`, 'id');
    res.json(drive);
  });

  routes.get('/enclosures/:id', 'viewer', (req, res) => {
    const { id } = parseParams(req.params);
    const enclosure = inventory().enclosures.get(id);
    if (!enclosure) throw new CommandError('NOT_FOUND', `enclosure "${id}" does not exist`, 'id');
    res.json({ enclosure, drives: inventory().drivesIn(id) });
  });

  // A node plugin finds the server it runs on by its hostname (the Kubernetes node name).
  routes.get('/servers', 'viewer', (req, res) => {
    const { hostname } = parseInput(ServerQuerySchema, req.query, 'query');
    const servers = [...inventory().servers.values()].filter(
      (s) => hostname === undefined || s.hostname === hostname,
    );
    res.json({ servers });
  });

  routes.get('/servers/:id', 'viewer', (req, res) => {
    const { id } = parseParams(req.params);
    const server = inventory().servers.get(id);
    if (!server) throw new CommandError('NOT_FOUND', `server "${id}" does not exist`, 'id');
    res.json(server);
  });

  return routes.router;
}

function parseParams(params: unknown): z.infer<typeof IdParams> {
  const parsed = IdParams.safeParse(params);
  if (!parsed.success) {
    throw new CommandError('INVALID_ARGUMENT', `id: ${parsed.error.issues[0]?.message ?? 'invalid'}`, 'id');
  }
  return parsed.data;
}
