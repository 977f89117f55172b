import { FaultRequestSchema } from '@drivebay/api-types';
import type { Router } from 'express';
import type { AccessTable } from '../auth/access.js';
import { CommandError } from '../commands/errors.js';
import { describeZodError } from '../http/errors.js';
import type { FaultInjector } from './simulated-hardware.js';

/** Fault injection into the simulated site (admin only); registered only when the site is simulated. */
export function simulatorRoutes(table: AccessTable, faults: FaultInjector): Router {
  const routes = table.router();
  routes.post('/admin/simulator/faults', 'admin', async (req, res) => {
    const parsed = FaultRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const { field, message } = describeZodError(parsed.error, 'body');
      throw new CommandError('INVALID_ARGUMENT', `${message} (kinds: ${faultKinds})`, field);
    }
    res.status(202).json(await faults.inject(parsed.data));
  });
  return routes.router;
}

const faultKinds = FaultRequestSchema.options.map((o) => o.shape.kind.value).join(', ');
