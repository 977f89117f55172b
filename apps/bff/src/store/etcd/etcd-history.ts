import { type Change, CompactedError } from '../types.js';
import { ResumingWatch } from './etcd-stream.js';
import type { Site } from './etcd-txn.js';

/**
 * History reads. etcd keeps history only as watchable events (a range at an old revision gives
 * state, not changes), so both read it through a watch from the past.
 *
 * Compaction: etcd does not report its compaction revision through any KV or maintenance call,
 * and a key written by compact() would be wrong as soon as anyone else compacts (etcd's
 * --auto-compaction, `etcdctl compact`, another site sharing the cluster), and would itself take
 * a revision. What etcd does report is `compact_revision` on a watch that starts below it. So the
 * compacted revision is read from etcd itself: a watch on the marker from `origin - 1`. Compacted
 * past that start, etcd answers with C and the site's compacted revision is C - origin (0 when
 * C == origin); otherwise it replays the marker's creation and nothing of the site is compacted.
 */
export function compactedRevision(site: Site, timeoutMs: number): Promise<number> {
  return readWithin(timeoutMs, 'the compaction revision', (resolve, reject) => {
    const stream = new ResumingWatch(site, { key: site.keys.marker }, site.revisions.origin - 1, {
      onRevisions: () => {
        stream.stop();
        resolve(0);
      },
      onError: (error) => {
        if (error instanceof CompactedError) resolve(error.compactedRevision);
        else reject(error);
      },
    });
    return stream;
  });
}

/**
 * Changes after `after` up to the site's revision `upTo` (read by the caller just before), at
 * most `limit` transactions. Each etcd revision of the site's range is one transaction, and the
 * marker's put at `upTo` says the replay has reached it.
 */
export function readChanges(
  site: Site,
  after: number,
  upTo: number,
  limit: number | undefined,
  timeoutMs: number,
): Promise<Change[]> {
  return readWithin(timeoutMs, `changes after revision ${after}`, (resolve, reject) => {
    const changes: Change[] = [];
    let transactions = 0;
    const stream = new ResumingWatch(site, site.keys.range(''), site.revisions.toEtcd(after), {
      onRevisions: (groups) => {
        for (const group of groups) {
          changes.push(...group.changes);
          if (group.changes.length > 0) transactions++;
          if (group.revision >= upTo || (limit !== undefined && transactions >= limit)) {
            stream.stop();
            resolve(changes);
            return;
          }
        }
      },
      onError: (error) =>
        reject(error instanceof CompactedError ? new CompactedError(after, error.compactedRevision) : error),
    });
    return stream;
  });
}

/** Runs one stream to its answer, stopping it if etcd gives none in time (unreachable). */
function readWithin<T>(
  timeoutMs: number,
  what: string,
  start: (resolve: (value: T) => void, reject: (error: Error) => void) => ResumingWatch,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = () => {
      settled = true;
      clearTimeout(timer);
    };
    const stream = start(
      (value) => {
        if (settled) return;
        settle();
        resolve(value);
      },
      (error) => {
        if (settled) return;
        settle();
        reject(error);
      },
    );
    const timer = setTimeout(() => {
      if (settled) return;
      settle();
      stream.stop();
      reject(new Error(`etcd did not deliver ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    stream.start();
  });
}
