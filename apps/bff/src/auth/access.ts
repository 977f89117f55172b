import { type Role, roleAllows, scopeForRole, scopesAllow } from '@drivebay/api-types';
import { type RequestHandler, Router } from 'express';
import { sendError } from '../http/errors.js';
import { jsonBody } from '../http/json-body.js';
import { principalOf } from './principal.js';

/** Who may call a route: anyone (public), or a signed-in principal of at least this role. */
export type Access = Role | 'public';

export interface RouteRule {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The full path pattern, e.g. "/api/v1/volumes/:id". */
  path: string;
  access: Access;
}

/**
 * Every API route and who may call it. Routes can only be registered through it, each with its
 * access, so none is born open by accident; the security tests enumerate it.
 */
export class AccessTable {
  readonly rules: RouteRule[] = [];

  constructor(private readonly mountPath: string) {}

  /** A router whose routes are recorded here and guarded by their access. */
  router(): GuardedRouter {
    return new GuardedRouter(this.mountPath, this.rules);
  }
}

type Handler = RequestHandler;

export class GuardedRouter {
  readonly router = Router();

  constructor(
    private readonly mountPath: string,
    private readonly rules: RouteRule[],
  ) {}

  get(path: string, access: Access, ...handlers: Handler[]): this {
    return this.add('GET', path, access, handlers);
  }
  post(path: string, access: Access, ...handlers: Handler[]): this {
    return this.add('POST', path, access, handlers);
  }
  patch(path: string, access: Access, ...handlers: Handler[]): this {
    return this.add('PATCH', path, access, handlers);
  }
  delete(path: string, access: Access, ...handlers: Handler[]): this {
    return this.add('DELETE', path, access, handlers);
  }

  private add(method: RouteRule['method'], path: string, access: Access, handlers: Handler[]): this {
    this.rules.push({ method, path: `${this.mountPath}${path}`, access });
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    // Strangers are turned away before their body is read; a signed-in caller's body is read
    // before the role check, so that a refused attempt is audited with the target it named.
    this.router[verb](path, requireSignedIn(access), jsonBody, requireAccess(access), ...handlers);
    return this;
  }
}

/** 401 without a principal, unless the route is public. */
export function requireSignedIn(access: Access): RequestHandler {
  return (_req, res, next) => {
    if (access === 'public' || principalOf(res)) return next();
    sendError(
      res,
      'UNAUTHENTICATED',
      'sign in first (POST /api/v1/auth/login), or send Authorization: Bearer <token>',
    );
  };
}

/** 401 without a principal, 403 when its role (or a token's scopes) do not reach `access`. */
export function requireAccess(access: Access): RequestHandler {
  return (_req, res, next) => {
    if (access === 'public') return next();
    const principal = principalOf(res);
    if (!principal) {
      sendError(
        res,
        'UNAUTHENTICATED',
        'sign in first (POST /api/v1/auth/login), or send Authorization: Bearer <token>',
      );
      return;
    }
    if (!roleAllows(principal.role, access)) {
      sendError(
        res,
        'PERMISSION_DENIED',
        `needs the ${access} role; ${principal.username} is ${principal.role}`,
      );
      return;
    }
    const scope = scopeForRole[access];
    if (!scopesAllow(principal.scopes, scope)) {
      sendError(res, 'PERMISSION_DENIED', `this token lacks the ${scope} scope`);
      return;
    }
    next();
  };
}
