import type { IncomingMessage, Server } from 'node:http';

/** A route the Express app serves: its method and full path (a RegExp route as its source text). */
export interface RegisteredRoute {
  method: string;
  path: string;
}

/**
 * The Express app behind an app's HTTP server. socket.io wraps the server's request listener,
 * so the app is read off a request Express has handled (Express sets `req.app`).
 */
export async function expressAppOf(server: Server, url: string): Promise<unknown> {
  let seen: IncomingMessage | undefined;
  const grab = (req: IncomingMessage) => {
    seen ??= req;
  };
  server.prependListener('request', grab);
  try {
    await (await fetch(`${url}/healthz`)).arrayBuffer();
  } finally {
    server.off('request', grab);
  }
  return seen === undefined ? undefined : Reflect.get(seen, 'app');
}

/** Every route registered on an Express 5 app, found by walking its router stack. */
export function registeredRoutes(app: unknown): RegisteredRoute[] {
  const router = field(app, 'router');
  const stack = field(router, 'stack');
  if (!Array.isArray(stack)) throw new Error('not an Express 5 app: no router stack');
  return walk(stack, '');
}

function walk(stack: readonly unknown[], prefix: string): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  for (const layer of stack) {
    const route = field(layer, 'route');
    if (route !== undefined) {
      const path = `${prefix}${String(field(route, 'path'))}`;
      const methods = field(route, 'methods');
      for (const [method, on] of Object.entries(isRecord(methods) ? methods : {})) {
        if (on === true) routes.push({ method: method.toUpperCase(), path });
      }
      continue;
    }
    const nested = field(field(layer, 'handle'), 'stack');
    if (Array.isArray(nested)) {
      const mount = field(layer, 'rawPath');
      const at = typeof mount === 'string' && mount !== '/' ? mount : '';
      routes.push(...walk(nested, `${prefix}${at}`));
    }
  }
  return routes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

function field(value: unknown, name: string): unknown {
  return isRecord(value) ? Reflect.get(value, name) : undefined;
}
