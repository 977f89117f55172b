import type { ServerResponse } from 'node:http';
import { isCompacted } from './change-history.js';
import type { ObjectStore } from './object-store.js';
import type { ResourceDef } from './resources.js';
import { aheadOfStore, expired } from './status.js';
import type { KubeObject } from './types.js';
import { bookmark, projectChange, type WatchEvent } from './watch-event.js';

/** What one watch request asked for, already parsed. */
export interface WatchSpec {
  def: ResourceDef;
  matches: (object: KubeObject) => boolean;
  /** Replay changes after this resourceVersion; undefined (or 0) starts with ADDED for the current state. */
  since: number | undefined;
  bookmarkIntervalMs: number | undefined;
  timeoutMs: number | undefined;
  contentType: string;
  /** Turns an event into its wire form (a Table row for kubectl, the event itself otherwise). */
  encode: (event: WatchEvent) => unknown;
}

/**
 * One open watch: a chunked 200 response of newline-delimited events. It can be stalled (events queue
 * and bookmarks stop, the connection stays open), dropped abruptly, or ended cleanly.
 */
export class WatchStream {
  private unsubscribe = () => {};
  private readonly timers: NodeJS.Timeout[] = [];
  private queued: WatchEvent[] = [];
  private closed = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly store: ObjectStore,
    private readonly spec: WatchSpec,
    private stalled: boolean,
    private readonly onClose: () => void,
  ) {}

  /**
   * Sends the headers, then replays what the client missed and follows the store; or, when told to
   * (a fault injected by a test), answers the in-band 410 at once.
   */
  open(forceExpired = false): void {
    const { res, spec } = this;
    res.writeHead(200, { 'content-type': spec.contentType, 'cache-control': 'no-cache, private' });
    res.flushHeaders();
    res.on('close', () => this.cleanup());
    if (forceExpired) this.sendExpired(spec.since ?? 0);
    else if (this.replay()) this.follow();
  }

  private follow(): void {
    const { spec } = this;
    this.unsubscribe = this.store.subscribe((change) => {
      const event = projectChange(change, spec.def, spec.matches);
      if (event) this.send(event);
    });
    if (spec.bookmarkIntervalMs)
      this.timers.push(setInterval(() => this.sendBookmark(), spec.bookmarkIntervalMs));
    if (spec.timeoutMs !== undefined) this.timers.push(setTimeout(() => this.end(), spec.timeoutMs));
  }

  /** Ends the stream after an in-band 410, as the apiserver does for a too-old resourceVersion. */
  sendExpired(requested: number): void {
    const { compactedTo, resourceVersion } = this.store;
    const status =
      requested > resourceVersion
        ? aheadOfStore(requested, resourceVersion)
        : expired(requested, compactedTo);
    this.write({ type: 'ERROR', object: status });
    this.end();
  }

  /** Holds (true) or releases (false) everything this stream would send; released events go out in order. */
  setStalled(stalled: boolean): void {
    this.stalled = stalled;
    if (stalled) return;
    const queued = this.queued;
    this.queued = [];
    for (const event of queued) this.write(event);
  }

  /** Cuts the connection without ending the chunked body: the client sees a broken stream. */
  drop(): void {
    this.res.socket?.destroy();
    this.cleanup();
  }

  /** Ends the body cleanly, like a watch timeout on the server. */
  end(): void {
    if (this.closed) return;
    this.cleanup();
    this.res.end();
  }

  private replay(): boolean {
    const { since, def, matches } = this.spec;
    if (!since) {
      for (const object of this.store.list(def.plural))
        if (matches(object)) this.send({ type: 'ADDED', object });
      return true;
    }
    const missed = this.store.changesSince(since);
    if (isCompacted(missed) || since > this.store.resourceVersion) {
      this.sendExpired(since);
      return false;
    }
    for (const change of missed) {
      const event = projectChange(change, def, matches);
      if (event) this.send(event);
    }
    return true;
  }

  private sendBookmark(): void {
    if (!this.stalled) this.write(bookmark(this.spec.def, this.store.resourceVersion));
  }

  private send(event: WatchEvent): void {
    if (this.stalled) this.queued.push(event);
    else this.write(event);
  }

  private write(event: WatchEvent): void {
    if (!this.closed) this.res.write(`${JSON.stringify(this.spec.encode(event))}\n`);
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    for (const timer of this.timers) clearTimeout(timer);
    this.onClose();
  }
}
