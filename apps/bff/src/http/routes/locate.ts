import { IdSchema, type LocateKind, LocateRequestSchema } from '@drivebay/api-types';
import type { Router } from 'express';
import { z } from 'zod';
import type { AccessTable } from '../../auth/access.js';
import { requirePrincipal } from '../../auth/principal.js';
import type { LocateCommands } from '../../commands/locate.js';
import { parseInput } from '../parse.js';

const Params = z.object({ id: IdSchema });

/** Locate LEDs: `POST /drives/:id/locate` and `/enclosures/:id/locate` with `{ "on": true|false }`. */
export function locateRoutes(table: AccessTable, locates: LocateCommands): Router {
  const routes = table.router();
  const route = (kind: LocateKind) =>
    routes.post(`/${kind}s/:id/locate`, 'operator', async (req, res) => {
      const { id } = parseInput(Params, req.params, 'params');
      const { on } = parseInput(LocateRequestSchema, req.body, 'body');
      res.json(await locates.set(kind, id, on, requirePrincipal(res).actor));
    });
  route('drive');
  route('enclosure');
  return routes.router;
}
