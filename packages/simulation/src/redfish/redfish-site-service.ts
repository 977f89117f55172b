import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimulatedSite } from '../site/simulated-site.js';
import type { SiteChange } from '../site/site-change.js';
import { authenticate, type Caller, loginOf } from './authenticate.js';
import {
  badCredentials,
  badProperty,
  internalError,
  methodNotAllowed,
  notFound,
  preconditionFailed,
  RedfishError,
  unavailable,
} from './errors.js';
import { EventLog } from './events/event-log.js';
import { EventStreams } from './events/event-streams.js';
import { eventsFor } from './events/site-events.js';
import { Subscriptions } from './events/subscriptions.js';
import { readJson, sendEmpty, sendError, sendJson, sendText } from './http-io.js';
import type { JsonObject } from './json.js';
import { requestedLocate } from './locate.js';
import { type RedfishServiceOptions, type ResolvedOptions, resolveOptions } from './options.js';
import {
  canonicalPath,
  EVENT_SERVICE,
  ROOT,
  SESSION_SERVICE,
  SESSIONS,
  SSE,
  SUBSCRIPTIONS,
  sessionPath,
  subscriptionPath,
} from './paths.js';
import { parseQuery } from './query.js';
import { type Rendered, render } from './render.js';
import type { Resource } from './resource.js';
import {
  eventService,
  odataDocument,
  serviceRoot,
  sessionResource,
  sessionService,
  sessionsCollection,
  subscriptionsCollection,
} from './service-resources.js';
import { SessionStore } from './sessions.js';
import { driveIn, SiteTree } from './site-tree.js';
import { pathsChangedBy, ResourceVersions } from './versions.js';

type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'DELETE';

/**
 * The simulated site served as a DMTF Redfish service over HTTP: what a rack manager in front
 * of the site's enclosures would answer. It reads the site's physical truth on each request
 * and turns the site's changes (faults) into Redfish events; PATCHing a locate LED changes the
 * site. It can stop and listen again: it follows the site from construction on, so sessions,
 * ETags and the event buffer stay true across the gap, as a manager's would across a network
 * outage, and a client resuming with Last-Event-ID gets what happened meanwhile.
 */
export class RedfishSiteService {
  private readonly options: ResolvedOptions;
  private readonly boot = randomBytes(4).toString('hex');
  private readonly versions = new ResourceVersions();
  private readonly tree: SiteTree;
  private readonly sessions: SessionStore;
  private readonly log: EventLog;
  private readonly streams: EventStreams;
  private readonly subscriptions = new Subscriptions();
  private server: Server | undefined;
  private stopDropping: (() => void) | undefined;

  constructor(
    private readonly site: SimulatedSite,
    options: RedfishServiceOptions,
  ) {
    this.options = resolveOptions(options);
    const { indicator, sessionTimeoutSeconds, clock, eventBuffer, recordsPerEvent, heartbeatMs } =
      this.options;
    this.tree = new SiteTree(site, this.versions, indicator);
    this.sessions = new SessionStore(options.credentials, sessionTimeoutSeconds, clock);
    this.log = new EventLog(eventBuffer, recordsPerEvent, clock);
    this.streams = new EventStreams(heartbeatMs);
    site.onChange((changes) => this.publish(changes));
  }

  /** Listens (port 0 picks a free port) and follows the site's changes; answers the service's base URL. */
  async start(listen: { host?: string; port?: number } = {}): Promise<{ url: string }> {
    if (this.server) throw new Error('the Redfish service is already running');
    const host = listen.host ?? '127.0.0.1';
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listen.port ?? 0, host, () => resolve());
    });
    this.server = server;
    this.stopDropping = this.options.faults?.onDropEventStreams(() => this.streams.drop());
    const { port } = server.address() as AddressInfo;
    return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}` };
  }

  /** Stops listening and ends every connection, event streams included. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.stopDropping?.();
    this.streams.closeAll();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** A batch of physical changes: what they alter gets new ETags, and clients hear of them. */
  private publish(changes: readonly SiteChange[]): void {
    this.versions.bump(changes.flatMap((change) => pathsChangedBy(change, this.site)));
    const messages = this.log.append(eventsFor(changes, this.site));
    this.streams.broadcast(messages);
    this.subscriptions.deliver(messages);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answered = this.options.onAnswered;
    if (answered) {
      // Keep-alive answers one request at a time per connection: what the socket wrote meanwhile is this answer.
      const written = req.socket.bytesWritten;
      res.once('finish', () =>
        answered({
          method: req.method ?? 'GET',
          path: (req.url ?? '/').split('?')[0] ?? '/',
          status: res.statusCode,
          bytes: req.socket.bytesWritten - written,
        }),
      );
    }
    try {
      await this.dispatch(req, res);
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      sendError(res, error instanceof RedfishError ? error : internalError());
    }
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://redfish.invalid');
    const path = canonicalPath(url.pathname);
    const method = (req.method ?? 'GET') as Method;
    const fault = this.options.faults?.forRequest(path) ?? {};
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.status === 503) throw unavailable('The service');
    if (fault.status === 500) throw internalError();

    const open = this.publicResource(path);
    if (open) return this.get(req, res, url, path, open, fault.malformed === true);
    if (path === SESSIONS && method === 'POST') return this.login(req, res);

    const caller = authenticate(req, this.sessions);
    if (path === SSE && this.options.sse) return this.openEventStream(req, res, caller, method);
    if (path === SUBSCRIPTIONS && method === 'POST') return this.subscribe(req, res);
    if (method === 'DELETE') return this.remove(path, res);
    if (method === 'PATCH') return this.patch(req, res, path);
    const resource = this.resolve(path);
    if (!resource) throw notFound(path);
    this.get(req, res, url, path, resource, fault.malformed === true);
  }

  /** What anyone may read without credentials: the version document, the service root, OData's. */
  private publicResource(path: string): Resource | undefined {
    if (path === '/redfish') return { body: { v1: `${ROOT}/` }, version: 0 };
    if (path === ROOT) return this.rootResource();
    if (path === `${ROOT}/odata`) return { body: odataDocument(), version: 0 };
    return undefined;
  }

  private get(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    path: string,
    resource: Resource,
    malformed: boolean,
  ): void {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method, this.allowed(path));
    const query = parseQuery(url.searchParams, this.options.expand);
    this.send(
      req,
      res,
      render(path, resource, query, this.options, (p) => this.resolve(p)),
      malformed,
    );
  }

  private send(req: IncomingMessage, res: ServerResponse, rendered: Rendered, malformed: boolean): void {
    const etag = this.etag(rendered.version);
    if (matches(req.headers['if-none-match'], etag)) return void sendEmpty(res, 304, { etag });
    const text = JSON.stringify(rendered.body);
    // Test hook: a body cut in the middle, as a proxy or a buggy firmware might send.
    sendText(res, 200, malformed ? text.slice(0, Math.ceil(text.length / 2)) : text, { etag });
  }

  private etag(version: number): string {
    return `"${this.boot}-${version}"`;
  }

  private rootResource(): Resource {
    return { body: serviceRoot(this.site.describeSite(), this.options.expand), version: 0 };
  }

  /** Any resource the service has: the site's, or its own (sessions, events). */
  private resolve(path: string): Resource | undefined {
    if (path === ROOT || path === `${ROOT}/`) return this.rootResource();
    if (!path.startsWith(`${ROOT}/`)) return undefined;
    const segments = path.slice(ROOT.length + 1).split('/');
    return this.tree.resolve(segments) ?? this.resolveOwn(path);
  }

  private resolveOwn(path: string): Resource | undefined {
    const at = (body: JsonObject | undefined) =>
      body ? { body, version: this.versions.of(path) } : undefined;
    if (path === SESSION_SERVICE) return at(sessionService(this.sessions.timeoutSeconds));
    if (path === SESSIONS) return at(sessionsCollection(this.sessions.ids()));
    if (path === EVENT_SERVICE) return at(eventService(this.options.sse));
    if (path === SUBSCRIPTIONS)
      return at(subscriptionsCollection(this.subscriptions.ids().map(subscriptionPath)));
    if (path.startsWith(`${SESSIONS}/`)) {
      const session = this.sessions.find(path.slice(SESSIONS.length + 1));
      return at(session && sessionResource(session.id, session.userName));
    }
    if (path.startsWith(`${SUBSCRIPTIONS}/`))
      return at(this.subscriptions.resource(path.slice(SUBSCRIPTIONS.length + 1)));
    return undefined;
  }

  /** The methods a resource answers, for a 405's Allow header. */
  private allowed(path: string): Method[] {
    if (path === SESSIONS || path === SUBSCRIPTIONS) return ['GET', 'HEAD', 'POST'];
    if (path.startsWith(`${SESSIONS}/`) || path.startsWith(`${SUBSCRIPTIONS}/`))
      return ['GET', 'HEAD', 'DELETE'];
    if (this.locateTarget(path)) return ['GET', 'HEAD', 'PATCH'];
    return ['GET', 'HEAD'];
  }

  private async login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const login = loginOf(await readJson(req));
    if (!login) throw badProperty('PropertyMissing', 'UserName and Password', 'are required strings');
    if (!this.sessions.verify(login.userName, login.password)) throw badCredentials();
    const session = this.sessions.open(login.userName);
    this.versions.bump([SESSIONS]);
    sendJson(res, 201, sessionResource(session.id, session.userName), {
      'x-auth-token': session.token,
      location: sessionPath(session.id),
    });
  }

  private openEventStream(req: IncomingMessage, res: ServerResponse, caller: Caller, method: Method): void {
    if (method !== 'GET') throw methodNotAllowed(method, ['GET']);
    const header = req.headers['last-event-id'];
    const replay = this.log.since(typeof header === 'string' ? header : undefined);
    this.streams.open(res, caller.sessionId, replay.gap ? [replay.gap] : replay.messages);
  }

  private async subscribe(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = this.subscriptions.create(await readJson(req));
    this.versions.bump([SUBSCRIPTIONS]);
    sendJson(res, 201, this.subscriptions.resource(id) ?? {}, { location: subscriptionPath(id) });
  }

  private remove(path: string, res: ServerResponse): void {
    if (path.startsWith(`${SESSIONS}/`)) {
      const id = path.slice(SESSIONS.length + 1);
      if (!this.sessions.close(id)) throw notFound(path);
      this.streams.closeSession(id);
      this.versions.bump([SESSIONS]);
      return void sendEmpty(res, 204);
    }
    if (path.startsWith(`${SUBSCRIPTIONS}/`)) {
      if (!this.subscriptions.remove(path.slice(SUBSCRIPTIONS.length + 1))) throw notFound(path);
      this.versions.bump([SUBSCRIPTIONS]);
      return void sendEmpty(res, 204);
    }
    if (!this.resolve(path)) throw notFound(path);
    throw methodNotAllowed('DELETE', this.allowed(path));
  }

  /** PATCH of a locate LED on an enclosure chassis or a drive; nothing else is writable. */
  private async patch(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const target = this.locateTarget(path);
    if (!target) {
      if (!this.resolve(path)) throw notFound(path);
      throw methodNotAllowed('PATCH', this.allowed(path));
    }
    if (!this.site.findEnclosure(target.enclosureId)?.reachable)
      throw unavailable(`Enclosure ${target.enclosureId}`);
    const current = this.resolve(path);
    if (!current) throw notFound(path);
    const ifMatch = req.headers['if-match'];
    if (ifMatch !== undefined && !matches(ifMatch, this.etag(current.version))) throw preconditionFailed();
    this.site.setLocate(target, requestedLocate(await readJson(req)));
    const updated = this.resolve(path);
    if (!updated) throw notFound(path);
    sendJson(res, 200, updated.body, { etag: this.etag(updated.version) });
  }

  /** The enclosure or drive a path names, if it is one with a locate LED. */
  private locateTarget(path: string): { enclosureId: string; driveId?: string } | undefined {
    const match = /^\/redfish\/v1\/Chassis\/([^/]+)(?:\/Drives\/([^/]+))?$/.exec(path);
    const enclosureId = match?.[1];
    const physical = enclosureId ? this.site.findEnclosure(enclosureId) : undefined;
    if (!match || !enclosureId || !physical) return undefined;
    const driveId = match[2];
    if (driveId === undefined) return { enclosureId };
    return driveIn(physical, driveId) ? { enclosureId, driveId } : undefined;
  }
}

/** Whether an If-None-Match / If-Match header names this ETag (weak or strong, or `*`). */
function matches(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map((t) => t.trim());
  return tags.some((tag) => tag === '*' || tag === etag || tag === `W/${etag}`);
}
