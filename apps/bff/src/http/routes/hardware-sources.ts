import { type HardwareSources, IdSchema } from '@drivebay/api-types';
import type { Router } from 'express';
import { z } from 'zod';
import type { AccessTable } from '../../auth/access.js';
import { CommandError } from '../../commands/errors.js';
import type { HardwareSource } from '../../sources/hardware.js';
import { parseInput } from '../parse.js';

const IdParams = z.object({ id: IdSchema });

/** Where the hardware comes from: each Redfish service's state, and one enclosure's source record. */
export function hardwareSourceRoutes(table: AccessTable, source: () => HardwareSource | undefined): Router {
  const routes = table.router();

  routes.get('/hardware/sources', 'viewer', (_req, res) => {
    const current = source();
    const body: HardwareSources = {
      source: current?.name ?? 'none',
      services: [...(current?.status?.() ?? [])],
    };
    res.json(body);
  });

  routes.get('/enclosures/:id/source', 'viewer', (req, res) => {
    const { id } = parseInput(IdParams, req.params, 'params');
    const current = source();
    const record = current?.enclosureSource?.(id);
    if (!record)
      throw new CommandError(
        'NOT_FOUND',
        current?.enclosureSource
          ? `no hardware service reported enclosure "${id}"`
          : `the hardware source "${current?.name ?? 'none'}" keeps no per-enclosure source record`,
        'id',
      );
    res.json(record);
  });
  return routes.router;
}
