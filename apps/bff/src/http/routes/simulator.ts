import { FaultRequestSchema } from '@drivebay/api-types';
import type { Router } from 'express';
import type { AccessTable } from '../../auth/access.js';
import { CommandError } from '../../commands/errors.js';
import type { HardwareSource } from '../../sources/hardware.js';
import { describeZodError } from '../errors.js';

/** Fault injection into the simulated site (admin only, once roles exist). */
export function simulatorRoutes(table: AccessTable, hardware: () => HardwareSource | undefined): Router {
  const routes = table.router();
  routes.post('/admin/simulator/faults', 'admin', async (req, res) => {
    const simulator = hardware();
    if (!simulator?.inject)
      throw new CommandError('FAILED_PRECONDITION', 'no simulated site: Drivebay is watching real hardware');
    const parsed = FaultRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const { field, message } = describeZodError(parsed.error, 'body');
      throw new CommandError('INVALID_ARGUMENT', `${message} (kinds: ${faultKinds})`, field);
    }
    res.status(202).json(await simulator.inject(parsed.data));
  });
  return routes.router;
}

const faultKinds = FaultRequestSchema.options.map((o) => o.shape.kind.value).join(', ');
