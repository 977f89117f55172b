import { RedfishError, redfishErrorMessage } from './errors.js';
import type { HttpTransport } from './transport.js';

/** A user name and password, read from where the endpoint's configuration points; never logged. */
export interface Credentials {
  username: string;
  password: string;
}

export const DEFAULT_SESSIONS_PATH = '/redfish/v1/SessionService/Sessions';

/**
 * Authentication to one service: a Redfish session (POST SessionService/Sessions, X-Auth-Token,
 * DELETE on logout) or, when the service has no session service, HTTP basic auth. A 401 renews
 * the session once; concurrent 401s share one login.
 */
export class RedfishSession {
  private token: string | undefined;
  private location: string | undefined;
  private mode: 'session' | 'basic' | undefined;
  private login: Promise<void> | undefined;
  /** Bumped by every login, so a request answered 401 with an older token does not log in again. */
  private generation = 0;
  sessionsPath = DEFAULT_SESSIONS_PATH;

  constructor(
    private readonly transport: HttpTransport,
    private readonly credentials: Credentials | undefined,
    private readonly timeoutMs: number,
  ) {}

  /** The headers that authenticate a request, logging in first if needed, and the login they belong to. */
  async headers(): Promise<{ headers: Record<string, string>; generation: number }> {
    if (!this.credentials) return { headers: {}, generation: 0 };
    if (!this.mode) await this.ensureLogin();
    const headers: Record<string, string> =
      this.mode === 'session' && this.token
        ? { 'x-auth-token': this.token }
        : { authorization: basic(this.credentials) };
    return { headers, generation: this.generation };
  }

  /** Whether a retry is worth it after a 401: true when a (new) login was made. */
  async renew(generation: number): Promise<boolean> {
    if (!this.credentials || this.mode === 'basic') return false;
    if (generation !== this.generation) return true;
    this.mode = undefined;
    this.token = undefined;
    await this.ensureLogin();
    return this.mode === 'session';
  }

  /** Deletes the session, if there is one; a failure here only means the service will expire it. */
  async logout(): Promise<void> {
    const location = this.location;
    const token = this.token;
    this.token = undefined;
    this.location = undefined;
    this.mode = undefined;
    if (!location || !token) return;
    try {
      await this.transport.send({
        method: 'DELETE',
        url: new URL(location, this.transport.base),
        headers: { 'x-auth-token': token },
        timeoutMs: this.timeoutMs,
      });
    } catch {
      // The service is gone or slow; its session times out on its own.
    }
  }

  private ensureLogin(): Promise<void> {
    this.login ??= this.createSession().finally(() => {
      this.login = undefined;
    });
    return this.login;
  }

  private async createSession(): Promise<void> {
    const credentials = this.credentials!;
    const response = await this.transport.send({
      method: 'POST',
      url: new URL(this.sessionsPath, this.transport.base),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ UserName: credentials.username, Password: credentials.password }),
      timeoutMs: this.timeoutMs,
    });
    this.generation++;
    const token = response.headers['x-auth-token'];
    if ((response.status === 200 || response.status === 201) && typeof token === 'string' && token) {
      this.mode = 'session';
      this.token = token;
      const location = response.headers.location;
      this.location = typeof location === 'string' ? location : undefined;
      return;
    }
    // No session service (older BMCs): basic auth on every request instead.
    if ([404, 405, 501].includes(response.status)) {
      this.mode = 'basic';
      return;
    }
    if (response.status >= 500) {
      throw new RedfishError(
        'unreachable',
        this.sessionsPath,
        `login: ${redfishErrorMessage(response.body, response.status)}`,
        response.status,
      );
    }
    throw new RedfishError(
      'auth',
      this.sessionsPath,
      `login refused: ${redfishErrorMessage(response.body, response.status)}`,
      response.status,
    );
  }
}

function basic(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
