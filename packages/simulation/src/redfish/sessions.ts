import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The one account the service accepts (a BMC's local administrator). */
export interface RedfishCredentials {
  userName: string;
  password: string;
}

export interface Session {
  id: string;
  userName: string;
  token: string;
  lastUsed: number;
}

/**
 * Sessions of the SessionService: created at login, kept alive by use, gone after
 * `timeoutSeconds` idle or at logout. Time comes from the clock the service is given, so a
 * test can let a session expire without waiting.
 */
export class SessionStore {
  private readonly byToken = new Map<string, Session>();
  private readonly byId = new Map<string, Session>();

  constructor(
    private readonly credentials: RedfishCredentials,
    readonly timeoutSeconds: number,
    private readonly now: () => number,
  ) {}

  /** Whether a user name and password are the service's; compared in constant time. */
  verify(userName: string, password: string): boolean {
    return same(userName, this.credentials.userName) && same(password, this.credentials.password);
  }

  open(userName: string): Session {
    const session = {
      id: randomBytes(8).toString('hex'),
      userName,
      token: randomBytes(24).toString('base64url'),
      lastUsed: this.now(),
    };
    this.byToken.set(session.token, session);
    this.byId.set(session.id, session);
    return session;
  }

  /** The live session a token belongs to, touched; an idle one is closed instead. */
  use(token: string): Session | undefined {
    const session = this.byToken.get(token);
    if (!session) return undefined;
    if (this.now() - session.lastUsed > this.timeoutSeconds * 1000) {
      this.close(session.id);
      return undefined;
    }
    session.lastUsed = this.now();
    return session;
  }

  find(id: string): Session | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  close(id: string): boolean {
    const session = this.byId.get(id);
    if (!session) return false;
    this.byId.delete(id);
    this.byToken.delete(session.token);
    return true;
  }
}

function same(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
