import { checkCompare, checkLimit, checkRevision, prepareOperations } from '../store-input.js';
import {
  type Change,
  type Entry,
  FutureRevisionError,
  type RangeResult,
  type StateStore,
  type TxnRequest,
  type TxnResult,
  type Watch,
  type WatchHandlers,
} from '../types.js';
import { createEtcdClient, type EtcdConnection } from './etcd-client.js';
import { compactedRevision, readChanges } from './etcd-history.js';
import { SiteKeys } from './etcd-keys.js';
import { readRange, toEntry } from './etcd-range.js';
import { openSite } from './etcd-site.js';
import { ResumingWatch } from './etcd-stream.js';
import { runTxn, type Site } from './etcd-txn.js';
import { EtcdWatcher } from './etcd-watcher.js';

export interface EtcdStoreOptions extends EtcdConnection {
  /** Every key of this site starts with it; must end in '/'. Sites sharing a cluster need prefixes that do not nest. */
  prefix: string;
  /** Keys read per request when ranging; bounds each response whatever the site's size. */
  rangePageSize?: number;
  /** How long a history read (changesSince, compactedRevision) waits for etcd. */
  historyTimeoutMs?: number;
}

const DEFAULT_RANGE_PAGE_SIZE = 1000;
const DEFAULT_HISTORY_TIMEOUT_MS = 30_000;
const COMPACTED = 'required revision has been compacted';

/**
 * Opens the StateStore of one site on an etcd v3 cluster (3.4 or later), creating the site's
 * marker on first use. See etcd-revisions.ts for how revisions map, etcd-txn.ts for
 * transactions, etcd-stream.ts for the change feed and etcd-history.ts for compaction.
 *
 * Values are JSON, one record per key, and never split: Drivebay keeps records small by design
 * (one drive, one volume, one event per key), and a transaction over etcd's --max-request-bytes
 * (1.5 MiB by default) or --max-txn-ops (128 by default) fails whole, naming the flag to raise.
 */
export async function openEtcdStore(options: EtcdStoreOptions): Promise<StateStore> {
  const keys = new SiteKeys(options.prefix);
  const client = createEtcdClient(options);
  try {
    const revisions = await openSite(client, keys);
    return new EtcdStateStore({ client, keys, revisions }, options);
  } catch (error) {
    client.close();
    throw error;
  }
}

class EtcdStateStore implements StateStore {
  private readonly watchers = new Set<EtcdWatcher>();
  private readonly pageSize: number;
  private readonly historyTimeoutMs: number;
  private closed = false;

  constructor(
    private readonly site: Site,
    options: EtcdStoreOptions,
  ) {
    this.pageSize = options.rangePageSize ?? DEFAULT_RANGE_PAGE_SIZE;
    if (!Number.isSafeInteger(this.pageSize) || this.pageSize < 1) {
      throw new RangeError(`rangePageSize must be a positive integer, got ${this.pageSize}`);
    }
    this.historyTimeoutMs = options.historyTimeoutMs ?? DEFAULT_HISTORY_TIMEOUT_MS;
  }

  async get(key: string): Promise<Entry | undefined> {
    this.assertOpen();
    const { kvs } = await this.site.client.kv.range({ key: this.site.keys.encode(key) });
    const kv = kvs[0];
    return kv && toEntry(this.site, kv);
  }

  async range(prefix: string): Promise<RangeResult> {
    this.assertOpen();
    return readRange(this.site, prefix, this.pageSize);
  }

  async txn(request: TxnRequest): Promise<TxnResult> {
    this.assertOpen();
    const compare = request.compare ?? [];
    compare.forEach(checkCompare);
    return runTxn(this.site, compare, prepareOperations(request.operations));
  }

  async revision(): Promise<number> {
    this.assertOpen();
    const { kvs } = await this.site.client.kv.range({ key: this.site.keys.marker });
    const marker = kvs[0];
    if (!marker) throw new Error('the Drivebay site marker has been deleted from etcd');
    return this.site.revisions.fromEtcd(marker.mod_revision);
  }

  async compactedRevision(): Promise<number> {
    this.assertOpen();
    return compactedRevision(this.site, this.historyTimeoutMs);
  }

  async changesSince(afterRevision: number, limit?: number): Promise<Change[]> {
    this.assertOpen();
    checkRevision(afterRevision, 'afterRevision');
    checkLimit(limit);
    const current = await this.revision();
    if (afterRevision > current) throw new FutureRevisionError(afterRevision, current);
    if (afterRevision === current) return [];
    return readChanges(this.site, afterRevision, current, limit, this.historyTimeoutMs);
  }

  watch(afterRevision: number, handlers: WatchHandlers): Watch {
    this.assertOpen();
    checkRevision(afterRevision, 'afterRevision');
    const watcher = new EtcdWatcher(handlers, (w) => this.watchers.delete(w));
    this.watchers.add(watcher);
    // A revision ahead of the site's is refused, not waited for: it came from another store.
    this.revision().then(
      (current) => {
        if (afterRevision > current) {
          watcher.fail(new FutureRevisionError(afterRevision, current));
          return;
        }
        watcher.follow(
          (w) =>
            new ResumingWatch(
              this.site,
              this.site.keys.range(''),
              this.site.revisions.toEtcd(afterRevision),
              {
                onRevisions: (groups) => w.push(groups.map((group) => group.changes)),
                onError: (error) => w.fail(error),
              },
            ),
        );
      },
      (error: unknown) => watcher.fail(error instanceof Error ? error : new Error(String(error))),
    );
    return watcher;
  }

  async compact(revision: number): Promise<void> {
    this.assertOpen();
    checkRevision(revision, 'revision');
    const current = await this.revision();
    if (revision > current) throw new FutureRevisionError(revision, current);
    if (revision === 0) return;
    try {
      // Physical: returns once etcd has removed the history, so what follows sees it gone.
      await this.site.client.kv.compact(
        { revision: this.site.revisions.toEtcd(revision), physical: true },
        { deadline: Date.now() + 5 * 60_000 },
      );
    } catch (error) {
      // Compacting to an older point than already done is a no-op, so callers need not coordinate.
      if (error instanceof Error && error.message.includes(COMPACTED)) return;
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const watcher of [...this.watchers]) watcher.fail(new Error('the state store was closed'));
    this.site.client.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the state store is closed');
  }
}
