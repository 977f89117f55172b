import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A Redfish resource as served: any JSON object. */
export type Resource = Record<string, unknown>;

export interface FixtureOptions {
  /** Every resource by path; collections are resources with `Members` references. */
  resources: Record<string, Resource>;
  /** Advertise and honour `$expand=.($levels=n)`. */
  expand?: boolean;
  /** Page collections this many members at a time, with Members@odata.nextLink. */
  pageSize?: number;
  /** The nextLink form: `$skip`/`$top` (DMTF) or a vendor's opaque token. */
  nextLinkStyle?: 'skip' | 'token';
  /** Require authentication; `sessions: false` answers POST Sessions 404 (basic auth only). */
  auth?: { username: string; password: string; sessions: boolean };
  /** Serve the EventService with an SSE stream. */
  sse?: boolean;
}

/** A fault the next matching requests get. */
export interface FaultRule {
  match: (method: string, path: string) => boolean;
  /** How many requests it applies to (then it is gone). */
  times: number;
  status?: number;
  body?: string;
  delayMs?: number;
  /** Close the connection without an answer. */
  destroy?: boolean;
}

export interface LoggedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  status: number;
}

interface StoredEvent {
  id: number;
  data: string;
}

/**
 * A small Redfish service for the source's tests, serving payloads in the shapes vendors
 * publish: sessions, paging, $expand, ETags, an SSE event stream, and faults on request.
 * Not the simulator: it serves exactly the fixtures a test gives it.
 */
export class FixtureRedfishServer {
  readonly resources: Map<string, Resource>;
  readonly requests: LoggedRequest[] = [];
  readonly faults: FaultRule[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly streams = new Set<ServerResponse>();
  private readonly tokens = new Set<string>();
  private readonly history: StoredEvent[] = [];
  private sequence = 0;
  private sessionCount = 0;
  private answering = true;
  url = '';

  constructor(private readonly options: FixtureOptions) {
    this.resources = new Map(Object.entries(options.resources));
    const root = this.resources.get('/redfish/v1/') ?? {};
    this.resources.set('/redfish/v1/', {
      ...root,
      ...(options.expand
        ? {
            ProtocolFeaturesSupported: {
              ExpandQuery: { ExpandAll: true, Levels: true, MaxLevels: 3, Links: true, NoLinks: true },
            },
          }
        : {}),
      ...(options.sse ? { EventService: { '@odata.id': '/redfish/v1/EventService' } } : {}),
    });
    if (options.sse) {
      this.resources.set('/redfish/v1/EventService', {
        Id: 'EventService',
        ServiceEnabled: true,
        ServerSentEventUri: '/redfish/v1/EventService/SSE',
      });
    }
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      if (!this.answering) socket.destroy();
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const stream of this.streams) stream.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The service stops answering: every connection is closed, new ones at once. */
  down(): void {
    this.answering = false;
    for (const stream of this.streams) stream.destroy();
    for (const socket of this.sockets) socket.destroy();
  }

  up(): void {
    this.answering = true;
  }

  /** Closes the event streams (the connection drops); the service keeps answering. */
  dropStreams(): void {
    for (const stream of this.streams) stream.destroy();
  }

  /** Forgets every session token: the next request with one is answered 401. */
  expireSessions(): void {
    this.tokens.clear();
  }

  /** Changes a resource (merged), and sends the event naming it, as a service does. */
  change(path: string, patch: Resource, messageId = 'ResourceEvent.1.0.ResourceChanged'): void {
    this.resources.set(path, { ...(this.resources.get(path) ?? {}), ...patch });
    this.emit(path, messageId);
  }

  /** Sends an event whose records name `origins`. */
  emit(origins: string | string[], messageId = 'ResourceEvent.1.0.ResourceChanged'): void {
    const id = ++this.sequence;
    const data = JSON.stringify({
      '@odata.type': '#Event.v1_7_0.Event',
      Id: String(id),
      Name: 'Resource events',
      Events: [origins].flat().map((origin, i) => ({
        EventId: `${id}.${i}`,
        EventTimestamp: new Date(0).toISOString(),
        MessageId: messageId,
        OriginOfCondition: { '@odata.id': origin },
      })),
    });
    this.history.push({ id, data });
    for (const stream of this.streams) stream.write(`id: ${id}\ndata: ${data}\n\n`);
  }

  /** Requests whose path (without query) is `path`. */
  requestsTo(path: string, method = 'GET'): LoggedRequest[] {
    return this.requests.filter((r) => r.method === method && r.url.split('?')[0] === path);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      req.on('end', () => resolve(text));
    });
    const url = new URL(req.url ?? '/', 'http://fixture');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const logged: LoggedRequest = { method, url: req.url ?? '/', headers: req.headers, body, status: 0 };
    this.requests.push(logged);
    if (!this.answering) {
      req.socket.destroy();
      return;
    }
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      logged.status = status;
      const text =
        payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(text);
    };
    const fault = this.faults.find((f) => f.times > 0 && f.match(method, path));
    if (fault) {
      fault.times--;
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.destroy) {
        req.socket.destroy();
        return;
      }
      if (fault.status !== undefined || fault.body !== undefined) {
        send(fault.status ?? 200, fault.body ?? redfishError('fault injected'));
        return;
      }
    }
    if (method === 'POST' && path === '/redfish/v1/SessionService/Sessions') return this.login(body, send);
    if (path !== '/redfish/v1/' && !this.authorized(req)) {
      send(401, redfishError('authentication required'));
      return;
    }
    if (method === 'DELETE' && path.startsWith('/redfish/v1/SessionService/Sessions/')) {
      const token = req.headers['x-auth-token'];
      if (typeof token === 'string') this.tokens.delete(token);
      send(204);
      return;
    }
    if (method === 'GET' && path === '/redfish/v1/EventService/SSE' && this.options.sse) {
      this.openStream(req, res);
      logged.status = 200;
      return;
    }
    const key = path.length > 1 && path.endsWith('/') && path !== '/redfish/v1/' ? path.slice(0, -1) : path;
    const resource =
      this.resources.get(key) ?? (key === '/redfish/v1' ? this.resources.get('/redfish/v1/') : undefined);
    if (!resource) {
      send(404, redfishError(`no resource at ${path}`));
      return;
    }
    if (method === 'PATCH') {
      this.resources.set(key, { ...resource, ...(JSON.parse(body) as Resource) });
      send(204);
      return;
    }
    if (method !== 'GET') {
      send(405, redfishError('method not allowed'));
      return;
    }
    const payload = this.present(key, resource, url);
    const text = JSON.stringify(payload);
    const etag = `W/"${createHash('sha1').update(text).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      logged.status = 304;
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    send(200, text, { etag });
  }

  /** A resource as served: a collection paged and expanded as the query asks. */
  private present(path: string, resource: Resource, url: URL): Resource {
    const members = resource.Members;
    if (!Array.isArray(members)) return { '@odata.id': path, ...resource };
    const expand = this.options.expand && (url.searchParams.get('$expand') ?? '').length > 0;
    const skip = Number(url.searchParams.get('$skip') ?? url.searchParams.get('skiptoken') ?? 0);
    const size = this.options.pageSize ?? members.length;
    const page = (members as { '@odata.id': string }[]).slice(skip, skip + size);
    const shown = expand
      ? page.map((m) => ({ '@odata.id': m['@odata.id'], ...this.resources.get(m['@odata.id']) }))
      : page;
    const rest = skip + size < members.length;
    const query = url.searchParams.get('$expand') ? `&$expand=${url.searchParams.get('$expand')}` : '';
    const nextLink =
      this.options.nextLinkStyle === 'token'
        ? `${this.url}${path}?skiptoken=${skip + size}${query}`
        : `${path}?$skip=${skip + size}&$top=${size}${query}`;
    return {
      '@odata.id': path,
      ...resource,
      Members: shown,
      'Members@odata.count': members.length,
      ...(rest ? { 'Members@odata.nextLink': nextLink } : {}),
    };
  }

  private authorized(req: IncomingMessage): boolean {
    const auth = this.options.auth;
    if (!auth) return true;
    const token = req.headers['x-auth-token'];
    if (typeof token === 'string') return this.tokens.has(token);
    const basic = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    return req.headers.authorization === basic;
  }

  private login(
    body: string,
    send: (status: number, payload?: unknown, headers?: Record<string, string>) => void,
  ) {
    const auth = this.options.auth;
    if (auth && !auth.sessions) return send(404, redfishError('no session service'));
    let given: { UserName?: unknown; Password?: unknown } = {};
    try {
      given = JSON.parse(body) as typeof given;
    } catch {
      return send(400, redfishError('not JSON'));
    }
    if (auth && (given.UserName !== auth.username || given.Password !== auth.password)) {
      // Some services echo the user name back; the source must not log what it sent.
      return send(401, redfishError(`login failed for ${String(given.UserName)}`));
    }
    const token = `token-${++this.sessionCount}`;
    this.tokens.add(token);
    const location = `/redfish/v1/SessionService/Sessions/${this.sessionCount}`;
    send(
      201,
      { Id: String(this.sessionCount), UserName: given.UserName },
      { 'x-auth-token': token, location },
    );
  }

  private openStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': stream open\n\n');
    const last = Number(req.headers['last-event-id'] ?? 0);
    for (const event of this.history)
      if (event.id > last) res.write(`id: ${event.id}\ndata: ${event.data}\n\n`);
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
  }
}

function redfishError(message: string) {
  return {
    error: {
      code: 'Base.1.8.GeneralError',
      message,
      '@Message.ExtendedInfo': [{ MessageId: 'Base.1.8.GeneralError', Message: message }],
    },
  };
}
