import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { discoveryDocument } from './discovery.js';
import { handleCollection, handleGet } from './read-handlers.js';
import { sendJson, sendStatus } from './respond.js';
import { routeResource } from './router.js';
import type { ServerContext } from './server-context.js';
import { failure, KubeApiError, methodNotAllowed, pathNotFound, unauthorized } from './status.js';
import { handleCreate, handleDelete, handlePatch, handleReplace } from './write-handlers.js';

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

/**
 * The simulated apiserver's HTTP side over a shared ServerContext. It can stop and listen again on
 * the same port, as an apiserver restart looks to clients: connections drop, state survives.
 */
export class KubeApiHttpServer {
  private server: Server | undefined;

  constructor(
    private readonly ctx: ServerContext,
    private readonly token: string | undefined,
  ) {}

  /** Starts listening; port 0 picks a free one. Answers the bound port. */
  async listen(port: number, host: string): Promise<number> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    return (server.address() as AddressInfo).port;
  }

  /** Stops listening and cuts every connection, watches included. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const watch of [...this.ctx.watches]) watch.drop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.dispatch(req, res);
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      if (error instanceof KubeApiError) return sendStatus(res, error.status);
      sendStatus(res, failure(500, 'InternalError', `Internal error occurred: ${String(error)}`));
    }
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://kube-sim.invalid');
    const method = req.method ?? 'GET';
    if (HEALTH.has(url.pathname)) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end('ok');
    }
    if (this.token !== undefined && req.headers.authorization !== `Bearer ${this.token}`)
      throw new KubeApiError(unauthorized());
    const document = discoveryDocument(url.pathname.replace(/\/$/, ''), req.headers.host ?? '');
    if (document) {
      if (method !== 'GET') throw new KubeApiError(methodNotAllowed());
      return sendJson(res, 200, document);
    }
    const target = routeResource(url.pathname);
    if (!target || target.subresource) throw new KubeApiError(pathNotFound());
    const request = { ctx: this.ctx, req, res, target, url };
    const isCollection = target.name === undefined;
    if (method === 'GET') return isCollection ? handleCollection(request) : handleGet(request);
    // POST /api/v1/pods has no namespace to create in: the apiserver refuses it too.
    if (method === 'POST' && isCollection && (target.namespace || !target.def.namespaced))
      return handleCreate(request);
    if (method === 'PUT' && !isCollection) return handleReplace(request);
    if (method === 'PATCH' && !isCollection) return handlePatch(request);
    if (method === 'DELETE' && !isCollection) return handleDelete(request);
    throw new KubeApiError(methodNotAllowed());
  }
}
