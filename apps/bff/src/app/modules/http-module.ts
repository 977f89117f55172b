import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type ClientToServerEvents, LIVE_NAMESPACE, type ServerToClientEvents } from '@drivebay/api-types';
import express from 'express';
import { Server } from 'socket.io';
import { socketAuth, socketOriginCheck } from '../../auth/socket-auth.js';
import { apiNotFound, errorHandler, notFound } from '../../http/errors.js';
import { requestLog } from '../../http/request-log.js';
import { healthRoutes } from '../../http/routes/health.js';
import { securityHeaders } from '../../http/security-headers.js';
import { webRoutes } from '../../http/static.js';
import { defineModule } from '../module.js';
import { services } from '../services.js';

/**
 * The process's edge: one HTTP(S) server with the health checks, the API under /api/v1 behind
 * the security chain (areas add their routes to `api`), the built console, and socket.io with
 * the same authentication. The catch-alls go last, once every area has added its routes.
 */
export const httpModule = defineModule({
  name: 'http',
  deps: {
    security: services.security,
    mirror: services.mirror,
    readiness: services.readiness,
    config: services.config,
    log: services.log,
  },
  provides: { http: services.http, api: services.api, edge: services.edge, io: services.io },
  init({ security, mirror, readiness, config, log }, lifecycle) {
    const secure = config.tls !== undefined;
    const app = express();
    app.disable('x-powered-by');
    // First, so that every answer, refusals and the console's files included, has its line and id.
    app.use(requestLog(log));
    app.use(securityHeaders(secure));
    app.use(
      healthRoutes(() => ({ ready: readiness.ready, revision: mirror.revision, feedError: mirror.error })),
    );
    const api = express.Router();
    // API answers are about one user's session and the state now: nothing may keep them.
    const noStore: express.RequestHandler = (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    };
    app.use('/api/v1', noStore, ...security.chain, api);
    lifecycle.onAssembled(() => {
      api.use(apiNotFound);
      app.use(webRoutes(config.webRoot));
      app.use(notFound);
      app.use(errorHandler(log));
    });
    const http = config.tls ? createHttpsServer(config.tls, app) : createServer(app);
    const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, {
      serveClient: false,
      // Clients send only small subscribe requests; anything bigger is an attack or a bug.
      maxHttpBufferSize: 16 * 1024,
      allowRequest: socketOriginCheck(security.originAllowed),
    });
    const authenticate = socketAuth(security.authenticator, security.cookies, security.sockets);
    io.use(authenticate);
    io.of(LIVE_NAMESPACE).use(authenticate);
    lifecycle.onStop(async () => {
      await io.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    });
    const edge = {
      add: (path: string, router: express.Router) => void app.use(path, noStore, ...security.chain, router),
    };
    return { http, api: { add: (router) => void api.use(router) }, edge, io };
  },
});
