import {
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
  ListWatch,
  Watch,
} from '@kubernetes/client-node';

/** How a watch is kept alive. */
export interface ResilienceOptions {
  /** First delay after an error; doubles per consecutive failure up to `maxBackoffMs`. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /**
   * A watch that delivers nothing (no event, no bookmark) for this long is restarted: the
   * connection may be half-open. The apiserver sends bookmarks about once a minute, so a few
   * minutes of silence is not a quiet cluster.
   */
  silenceMs: number;
}

export const defaultResilience: ResilienceOptions = {
  initialBackoffMs: 500,
  maxBackoffMs: 30_000,
  silenceMs: 3 * 60_000,
};

export interface InformerListener<T> {
  /** The cache changed (an object added, updated or deleted, or a relist replaced it). */
  changed(): void;
  /** An object was added or updated (also for each object a relist brought back changed). */
  upserted?(object: T): void;
  /** An object was deleted (also for each object a relist no longer shows). */
  removed?(object: T): void;
  /** The watch failed and will be restarted after `retryInMs`. */
  failed(error: unknown, retryInMs: number): void;
  /** The first list is in the cache and the watch is open (again, after a failure). */
  watching(): void;
}

/**
 * One resource of one cluster, cached and followed: client-node's ListWatch (its informer) with
 * what it lacks for a long-running watcher.
 * - 410 Gone, as a status or as an ERROR event in the stream, makes ListWatch clear its
 *   resourceVersion and relist; objects missing from the new list are deleted from the cache.
 * - Any other error stops ListWatch; here it is restarted with exponential backoff, resuming
 *   from the last resourceVersion.
 * - Bookmarks are asked for (ListWatch does not), and a watchdog restarts a watch that has gone
 *   silent, since client-node removes the request timeout from watches.
 */
export class ResilientInformer<T extends KubernetesObject> {
  private readonly informer: ListWatch<T>;
  private lastHeard = Date.now();
  private failures = 0;
  private retry: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private running = false;
  private listed = false;
  /** Counts, for tests and the cluster status: lists made, watch restarts by cause. */
  readonly stats = { lists: 0, errors: 0, silentRestarts: 0 };

  constructor(
    readonly resource: string,
    kubeConfig: KubeConfig,
    path: string,
    list: () => Promise<KubernetesListObject<T>>,
    private readonly listener: InformerListener<T>,
    private readonly options: ResilienceOptions = defaultResilience,
  ) {
    const watch = new BookmarkingWatch(kubeConfig, () => {
      this.lastHeard = Date.now();
    });
    this.informer = new ListWatch<T>(
      path,
      watch,
      async () => {
        this.stats.lists++;
        const result = await list();
        this.lastHeard = Date.now();
        return result;
      },
      false,
    );
    for (const verb of ['add', 'update'] as const) {
      this.informer.on(verb, (object) => {
        this.listener.upserted?.(object);
        this.listener.changed();
      });
    }
    this.informer.on('delete', (object) => {
      this.listener.removed?.(object);
      this.listener.changed();
    });
    this.informer.on('connect', () => {
      this.lastHeard = Date.now();
    });
    this.informer.on('error', (error) => this.onError(error));
  }

  /** Lists and watches; resolves once the first list is in the cache (or the first attempt failed). */
  async start(): Promise<void> {
    this.running = true;
    await this.open();
    this.watchdog = setInterval(() => this.checkSilence(), Math.max(50, this.options.silenceMs / 4));
    this.watchdog.unref();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retry);
    clearInterval(this.watchdog);
    await this.informer.stop();
  }

  /** One cached object. */
  get(name: string, namespace?: string): T | undefined {
    return this.informer.get(name, namespace);
  }

  /** The cached objects. */
  list(): readonly T[] {
    return this.informer.list();
  }

  get hasListed(): boolean {
    return this.listed;
  }

  private async open(): Promise<void> {
    this.lastHeard = Date.now();
    // start() lists only when ListWatch has no resourceVersion (first start, or after a 410).
    await this.informer.start();
    if (!this.running) return;
    // An error during start() is reported through 'error' and leaves the informer stopped.
    if (this.retry === undefined && this.informer.latestResourceVersion() !== '') {
      this.listed = true;
      this.failures = 0;
      this.listener.changed();
      this.listener.watching();
    }
  }

  private onError(error: unknown): void {
    if (!this.running || this.retry !== undefined) return;
    this.stats.errors++;
    // Aborting our own request (a watchdog restart) is not a failure of the cluster.
    if (isAbort(error)) return;
    const delay = Math.min(this.options.maxBackoffMs, this.options.initialBackoffMs * 2 ** this.failures);
    this.failures++;
    // Jitter, so that many watchers do not come back in step after an apiserver restart.
    const retryInMs = Math.round(delay * (0.8 + Math.random() * 0.4));
    this.listener.failed(error, retryInMs);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.running) void this.open();
    }, retryInMs);
    this.retry.unref();
  }

  private checkSilence(): void {
    if (!this.running || this.retry !== undefined) return;
    if (Date.now() - this.lastHeard < this.options.silenceMs) return;
    this.stats.silentRestarts++;
    this.lastHeard = Date.now();
    void (async () => {
      await this.informer.stop();
      // Let the aborted request's end arrive before the next one is opened: ListWatch aborts
      // whatever request it holds when a watch ends.
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (this.running) await this.open();
    })();
  }
}

/** client-node's Watch, asking for bookmarks and telling when anything arrives. */
class BookmarkingWatch extends Watch {
  constructor(
    kubeConfig: KubeConfig,
    private readonly heard: () => void,
  ) {
    super(kubeConfig);
  }

  override watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: unknown, watchObj?: unknown) => void,
    done: (err: unknown) => void,
  ): Promise<AbortController> {
    return super.watch(
      path,
      { ...queryParams, allowWatchBookmarks: true },
      (phase, object, raw) => {
        this.heard();
        callback(phase, object, raw);
      },
      done,
    );
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || /aborted/i.test(error.message));
}
