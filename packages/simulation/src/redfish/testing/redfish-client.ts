import { expect } from 'vitest';

/** JSON as a test reads it: loosely typed, checked by assertions. */
// biome-ignore lint/suspicious/noExplicitAny: test-side reading of served JSON, asserted field by field
export type Body = Record<string, any>;

/**
 * The client side of the tests: plain fetch against the service, as any Redfish client
 * would talk to it. Logs in once; `get` answers the parsed body and headers.
 */
export class TestClient {
  requests = 0;

  private constructor(
    readonly base: string,
    readonly token: string,
    readonly sessionUri: string,
  ) {}

  static async login(base: string, userName: string, password: string): Promise<TestClient> {
    const res = await fetch(`${base}/redfish/v1/SessionService/Sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ UserName: userName, Password: password }),
    });
    expect(res.status).toBe(201);
    const token = res.headers.get('x-auth-token');
    const location = res.headers.get('location');
    if (!token || !location) throw new Error('login answered no token or location');
    return new TestClient(base, token, location);
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    this.requests++;
    const headers = new Headers(init.headers);
    headers.set('x-auth-token', this.token);
    return fetch(`${this.base}${path}`, { ...init, headers });
  }

  async get(
    path: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Body; etag: string | null }> {
    const res = await this.fetch(path, { headers });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as Body) : {},
      etag: res.headers.get('etag'),
    };
  }

  /** A resource that must answer 200. */
  async read(path: string): Promise<Body> {
    const { status, body } = await this.get(path);
    expect(status, `GET ${path}`).toBe(200);
    return body;
  }

  /** Every member of a collection, following nextLinks. */
  async members(path: string): Promise<Body[]> {
    const members: Body[] = [];
    for (let next: string | undefined = path; next; ) {
      const page = await this.read(next);
      members.push(...(page.Members as Body[]));
      next = page['Members@odata.nextLink'] as string | undefined;
    }
    return members;
  }

  async patch(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Body }> {
    const res = await this.fetch(path, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Body };
  }
}
