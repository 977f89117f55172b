import {
  type ComposeResponse,
  ComposeResponseSchema,
  CreatedTokenSchema,
  type CreateTokenRequest,
  type Drive,
  decodeDriveColumns,
  type FaultRequest,
  type FaultResult,
  FaultResultSchema,
  type Role,
  type TopologySnapshot,
  TopologySnapshotSchema,
  type Volume,
  type VolumeRequestInput,
  VolumeSchema,
} from '@drivebay/api-types';

/** The console's CSRF header: every mutating request carries it. */
export const CSRF_HEADERS = { 'x-requested-with': 'drivebay' } as const;

/** Who to sign in as: the first-start admin unless told otherwise. */
export interface Credentials {
  username: string;
  password: string;
}

/** Seeds and inspects state through the API, as tests should (never through clicks), signed in. */
export class DrivebayApi {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  /** Signs in through POST /api/v1/auth/login and keeps the session cookie. */
  static async signIn(baseUrl: string, credentials: Credentials): Promise<DrivebayApi> {
    const response = await fetch(new URL('/api/v1/auth/login', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify(credentials),
    });
    if (response.status !== 200) throw new Error(`sign-in as ${credentials.username}: ${response.status}`);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return new DrivebayApi(baseUrl, cookie);
  }

  /** A request with the session cookie and the CSRF header. */
  request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cookie', this.cookie);
    headers.set('x-requested-with', 'drivebay');
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    return fetch(new URL(path, this.baseUrl), { ...init, headers });
  }

  async topology(): Promise<{ snapshot: TopologySnapshot; drives: Drive[] }> {
    const response = await this.request('/api/v1/topology');
    if (!response.ok) throw new Error(`GET /api/v1/topology: ${response.status}`);
    const snapshot = TopologySnapshotSchema.parse(await response.json());
    return { snapshot, drives: decodeDriveColumns(snapshot.drives) };
  }

  async inject(fault: FaultRequest): Promise<FaultResult> {
    const response = await this.request('/api/v1/admin/simulator/faults', {
      method: 'POST',
      body: JSON.stringify(fault),
    });
    if (response.status !== 202)
      throw new Error(`fault ${fault.kind}: ${response.status} ${await response.text()}`);
    return FaultResultSchema.parse(await response.json());
  }

  /** Composes a volume through `POST /api/v1/volumes`, as a CSI CreateVolume would; 201 or 200 (already there). */
  async compose(request: VolumeRequestInput): Promise<ComposeResponse> {
    const response = await this.request('/api/v1/volumes', { method: 'POST', body: JSON.stringify(request) });
    if (response.status !== 201 && response.status !== 200)
      throw new Error(`compose ${request.name}: ${response.status} ${await response.text()}`);
    return ComposeResponseSchema.parse(await response.json());
  }

  /** One volume as the server holds it now (`GET /api/v1/volumes/:id`). */
  async volume(id: string): Promise<Volume> {
    const response = await this.request(`/api/v1/volumes/${encodeURIComponent(id)}`);
    if (!response.ok) throw new Error(`GET /api/v1/volumes/${id}: ${response.status}`);
    return VolumeSchema.parse(await response.json());
  }

  /** Creates an API token through `POST /api/v1/tokens`, as the signed-in user; returns its secret. */
  async createToken(request: CreateTokenRequest): Promise<string> {
    const response = await this.request('/api/v1/tokens', { method: 'POST', body: JSON.stringify(request) });
    if (response.status !== 201) throw new Error(`create token ${request.name}: ${response.status}`);
    return CreatedTokenSchema.parse(await response.json()).secret;
  }

  /** Adds a user through `POST /api/v1/users` (admins only). */
  async createUser(username: string, role: Role, password: string): Promise<void> {
    const response = await this.request('/api/v1/users', {
      method: 'POST',
      body: JSON.stringify({ username, role, password }),
    });
    if (response.status !== 201) throw new Error(`create user ${username}: ${response.status}`);
  }
}
