import {
  CreateTokenRequestSchema,
  CreateUserRequestSchema,
  roleAllows,
  UpdateUserRequestSchema,
  UsernameSchema,
} from '@drivebay/api-types';
import type { Router } from 'express';
import { z } from 'zod';
import type { AccessTable } from '../../auth/access.js';
import type { Lockout } from '../../auth/lockout.js';
import { requirePrincipal } from '../../auth/principal.js';
import type { TokenBook } from '../../auth/token-book.js';
import { publicUser, type UserDirectory } from '../../auth/user-directory.js';
import { CommandError } from '../../commands/errors.js';
import { parseInput } from '../parse.js';

const UserParams = z.object({ username: UsernameSchema });
const TokenParams = z.object({ id: z.string().regex(/^tok-[0-9a-f]{12}$/, 'is a token id (tok-…)') });

/** User management (admin) and API tokens (each user their own; admins all). */
export function userRoutes(
  table: AccessTable,
  users: UserDirectory,
  tokens: TokenBook,
  lockout: Lockout,
): Router {
  const routes = table.router();

  routes.get('/users', 'admin', async (_req, res) => {
    const records = await users.list();
    const list = await Promise.all(
      records.map(async (r) => publicUser(r, await lockout.lockedUntil(r.username))),
    );
    res.json({ users: list });
  });
  routes.post('/users', 'admin', async (req, res) => {
    const body = parseInput(CreateUserRequestSchema, req.body, 'body');
    res.status(201).json(publicUser(await users.create(body.username, body.role, body.password)));
  });
  routes.patch('/users/:username', 'admin', async (req, res) => {
    const { username } = parseInput(UserParams, req.params, 'params');
    const change = parseInput(UpdateUserRequestSchema, req.body, 'body');
    res.json(publicUser(await users.update(username, change)));
  });
  routes.delete('/users/:username', 'admin', async (req, res) => {
    const { username } = parseInput(UserParams, req.params, 'params');
    await users.remove(username);
    res.status(204).end();
  });

  routes.get('/tokens', 'viewer', async (_req, res) => {
    const principal = requirePrincipal(res);
    res.json({ tokens: await tokens.list(principal.role === 'admin' ? undefined : principal.username) });
  });
  routes.post('/tokens', 'viewer', async (req, res) => {
    const principal = requirePrincipal(res);
    const body = parseInput(CreateTokenRequestSchema, req.body, 'body');
    // A token can never do more than its owner: write needs operator, admin needs admin.
    const needs = { read: 'viewer', write: 'operator', admin: 'admin' } as const;
    const beyond = body.scopes.find((s) => !roleAllows(principal.role, needs[s]));
    if (beyond) {
      throw new CommandError(
        'PERMISSION_DENIED',
        `body.scopes: ${beyond} needs the ${needs[beyond]} role`,
        'body.scopes',
      );
    }
    res.status(201).json(await tokens.create(principal.username, body.name, body.scopes, body.expiresInDays));
  });
  routes.delete('/tokens/:id', 'viewer', async (req, res) => {
    const principal = requirePrincipal(res);
    const { id } = parseInput(TokenParams, req.params, 'params');
    await tokens.revoke(id, { username: principal.username, admin: principal.role === 'admin' });
    res.status(204).end();
  });
  return routes.router;
}
