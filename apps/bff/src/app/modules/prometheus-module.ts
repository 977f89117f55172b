import { createServer, type Server } from 'node:http';
import { LIVE_NAMESPACE } from '@drivebay/api-types';
import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import { AccessTable } from '../../auth/access.js';
import { siteRegistry } from '../../metrics/prometheus/site-metrics.js';
import { defineModule } from '../module.js';
import { services } from '../services.js';

/**
 * Prometheus's /metrics: on the console's own address behind the security chain (a `read` API
 * token, or any signed-in session), and, when `listen` is given, also on a separate address without
 * authentication, for a scraper inside the cluster's network. Authenticated is the default because
 * the console's port faces operators' browsers, and the figures describe the site.
 */
export const prometheusModule = defineModule({
  name: 'prometheus',
  deps: {
    config: services.config,
    mirror: services.mirror,
    allocations: services.allocations,
    io: services.io,
    edge: services.edge,
    log: services.log,
    instruments: services.instruments,
  },
  init({ config, mirror, allocations, io, edge, log, instruments }, lifecycle) {
    const registry = siteRegistry({
      site: () => ({
        inventory: mirror.inventory,
        allocations,
        volumes: mirror.volumes.volumes,
        newestEvents: () => mirror.events.newestFirst(),
        revision: mirror.revision,
      }),
      feed: () => ({ revision: mirror.revision, error: mirror.error }),
      liveClients: () => io.of(LIVE_NAMESPACE).sockets.size,
      clusters: () => mirror.kube.clusters.values(),
    });
    instruments.register(registry);
    const routes = new AccessTable('/metrics').router();
    routes.get('/', 'viewer', scrape(registry));
    edge.add('/metrics', routes.router);

    let server: Server | undefined;
    const listen = config.metricsListen;
    if (listen) {
      lifecycle.onStart(async () => {
        server = await serveUnauthenticated(registry, listen.host, listen.port);
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : listen.port;
        log.info('serving /metrics without authentication', { host: listen.host, port });
      });
      lifecycle.onStop(async () => {
        server?.closeAllConnections();
        await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      });
    }
  },
});

function scrape(registry: Registry): RequestHandler {
  return (_req, res, next) => {
    registry
      .metrics()
      .then((text) => res.type(registry.contentType).send(text))
      .catch(next);
  };
}

/** A listener that answers GET /metrics and nothing else. */
function serveUnauthenticated(registry: Registry, host: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('only GET /metrics is served here\n');
      return;
    }
    registry
      .metrics()
      .then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text))
      .catch((error: unknown) =>
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
      );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
