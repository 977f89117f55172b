import type { Etcd3 } from 'etcd3';
import type { SiteKeys } from './etcd-keys.js';
import { RevisionMap } from './etcd-revisions.js';

/** The marker's value: says what owns the prefix, for someone reading etcd with etcdctl. */
export const MARKER_VALUE = Buffer.from(JSON.stringify({ drivebay: 'site revision marker' }));

/**
 * Finds the site's origin, creating the marker on first open. A prefix that already holds keys
 * but no marker was written by something else: refusing it beats mixing two owners' keys.
 */
export async function openSite(client: Etcd3, keys: SiteKeys): Promise<RevisionMap> {
  for (;;) {
    const existing = await client.kv.range({ key: keys.marker });
    const marker = existing.kvs[0];
    if (marker) return new RevisionMap(Number(marker.create_revision));
    const { key, range_end } = keys.range('');
    const occupied = await client.kv.range({ key, range_end, count_only: true });
    if (Number(occupied.count) > 0) {
      throw new Error(
        `etcd prefix '${key.toString('utf8')}' holds ${occupied.count} keys but no Drivebay site marker: ` +
          'it belongs to something else; choose another --etcd-prefix',
      );
    }
    // Two replicas starting together: one creates the marker, the other reads it on the next turn.
    await client.kv.txn({
      compare: [{ key: keys.marker, target: 'Create', result: 'Equal', create_revision: 0 }],
      success: [{ request_put: { key: keys.marker, value: MARKER_VALUE } }],
    });
  }
}
