import type { IEvent, IWatchResponse } from 'etcd3';
import { type Change, CompactedError } from '../types.js';
import { parseValue } from './etcd-range.js';
import type { Site } from './etcd-txn.js';

/** One etcd revision's changes of this site: one Drivebay transaction, whole. */
export interface RevisionGroup {
  revision: number;
  /** The Drivebay changes, in the transaction's order; the marker's put is left out. */
  changes: Change[];
}

export interface StreamHandlers {
  /** Whole revisions after the cursor, in order, each once. */
  onRevisions(groups: RevisionGroup[]): void;
  /** The stream cannot continue (CompactedError, or etcd cancelled it); nothing follows. */
  onError(error: Error): void;
}

/** Doubling from the first delay to the last while etcd stays unreachable. */
const RETRY_DELAYS_MS = [50, 100, 200, 400, 800, 1600];

type EtcdWatchStream = Awaited<ReturnType<Site['client']['watchClient']['watch']>>;

/**
 * A raw etcd watch over one key range that resumes itself, from its own cursor, whenever the
 * stream breaks (a member restarted or killed, the connection cut, a leader change).
 *
 * Why not etcd3's Watcher: in etcd3 1.1.2 it resumes from `header.revision + 1` of the last
 * response, and sets that from the *create* response too. A header revision is the cluster's
 * revision when the response was sent, not the revision of its events: a watch that broke while
 * catching up (or whose create response arrived before its history) resumes past changes it never
 * received. Its compaction error also drops etcd's compact_revision, which the store needs.
 *
 * Here the cursor is the etcd revision of the last event received, and the stream asks etcd for
 * `start_revision = cursor` (one revision early, its events dropped), so a resumed stream misses
 * nothing and repeats nothing. Starting at the cursor rather than after it also lines etcd's
 * compaction up with Drivebay's: etcd refuses a start revision below its compaction revision C,
 * keeping the events at C, whereas Drivebay's compaction point c is the last revision discarded;
 * with c = C - origin, "cursor < C" is exactly "after < c".
 *
 * Without `fragment`, etcd never splits one revision's events across watch responses, so each
 * response's events group into whole transactions ("a transaction is never split").
 */
export class ResumingWatch {
  private cursor: number;
  private stream: EtcdWatchStream | undefined;
  private stopped = false;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly site: Site,
    private readonly range: { key: Buffer; range_end?: Buffer },
    /** The etcd revision after which changes are wanted. */
    startAfter: number,
    private readonly handlers: StreamHandlers,
  ) {
    this.cursor = startAfter;
  }

  start(): void {
    void this.connect();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.stream?.cancel();
    this.stream = undefined;
  }

  private async connect(): Promise<void> {
    let stream: EtcdWatchStream;
    try {
      stream = await this.site.client.watchClient.watch();
    } catch {
      this.retry();
      return;
    }
    if (this.stopped) {
      stream.cancel();
      return;
    }
    this.stream = stream;
    // One handler per stream: after a break, late callbacks of the old stream change nothing.
    let ended = false;
    const broken = () => {
      if (ended) return;
      ended = true;
      if (this.stream === stream) this.stream = undefined;
      stream.cancel();
      this.retry();
    };
    stream
      .on('data', (response) => {
        if (!ended) this.handle(response);
      })
      .on('error', broken)
      .on('end', broken);
    stream.write({
      create_request: { ...this.range, start_revision: this.cursor, progress_notify: false, prev_kv: false },
    });
  }

  private retry(): void {
    if (this.stopped) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)];
    this.failures++;
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  private handle(response: IWatchResponse): void {
    if (this.stopped) return;
    const { revisions } = this.site;
    if (response.compact_revision !== '0' && response.compact_revision !== '') {
      const compacted = revisions.fromEtcd(response.compact_revision);
      this.fail(new CompactedError(revisions.fromEtcd(this.cursor), Math.max(0, compacted)));
      return;
    }
    if (response.canceled) {
      this.fail(new Error(`etcd cancelled the watch: ${response.cancel_reason || 'no reason given'}`));
      return;
    }
    if (response.created) {
      this.failures = 0;
      return;
    }
    const groups = this.group(response.events);
    if (groups.length > 0) this.handlers.onRevisions(groups);
  }

  /** Events after the cursor, grouped by revision; the cursor moves to the last one. */
  private group(events: IEvent[]): RevisionGroup[] {
    const { keys, revisions } = this.site;
    const groups: RevisionGroup[] = [];
    for (const event of events) {
      const etcdRevision = Number(event.kv.mod_revision);
      if (etcdRevision <= this.cursor) continue;
      const revision = revisions.fromEtcd(etcdRevision);
      let group = groups.at(-1);
      if (group?.revision !== revision) {
        group = { revision, changes: [] };
        groups.push(group);
      }
      if (keys.isMarker(event.kv.key)) continue;
      const key = keys.decode(event.kv.key);
      group.changes.push(
        isDelete(event)
          ? { revision, type: 'delete', key }
          : { revision, type: 'put', key, value: parseValue(event.kv.value) },
      );
    }
    const last = groups.at(-1);
    if (last) this.cursor = revisions.toEtcd(last.revision);
    return groups;
  }

  private fail(error: Error): void {
    this.stop();
    this.handlers.onError(error);
  }
}

/** Case-insensitive: etcd3's vendored proto names it 'Delete', etcd's own proto 'DELETE'. */
function isDelete(event: IEvent): boolean {
  return String(event.type).toUpperCase() === 'DELETE';
}
