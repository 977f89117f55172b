/** A sign-in between the redirect to the provider and its callback; secret until then. */
export interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  /** Where to go after signing in: a same-site path. */
  next: string;
  /** Epoch milliseconds after which the callback is refused. */
  expiresAt: number;
}

/** Pending sign-ins by state. `take` removes what it returns, so each state works once. */
export interface PendingLogins {
  put(state: string, pending: PendingLogin): Promise<void>;
  take(state: string): Promise<PendingLogin | undefined>;
}

/**
 * The default: in process memory, so a restart forgets sign-ins in flight (they start again) and
 * several BFF replicas need a shared store instead. Bounded, because anyone may start a sign-in.
 */
export class MemoryPendingLogins implements PendingLogins {
  private readonly pending = new Map<string, PendingLogin>();

  constructor(
    private readonly limit = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async put(state: string, pending: PendingLogin): Promise<void> {
    this.pruneExpired();
    // Maps iterate in insertion order, so the first key is the oldest sign-in.
    while (this.pending.size >= this.limit) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
    this.pending.set(state, pending);
  }

  async take(state: string): Promise<PendingLogin | undefined> {
    const pending = this.pending.get(state);
    this.pending.delete(state);
    return pending;
  }

  get size(): number {
    return this.pending.size;
  }

  private pruneExpired(): void {
    const now = this.now();
    for (const [state, pending] of this.pending) if (pending.expiresAt <= now) this.pending.delete(state);
  }
}
