import type { IKeyValue } from 'etcd3';

/**
 * Drivebay revisions on etcd.
 *
 * etcd has one revision counter for the whole cluster: every write request (a txn that changes
 * at least one key) gets the next one, shared by all its changes; `header.revision` of a response
 * is the cluster's revision when it was served; a key's `mod_revision` / `create_revision` are the
 * revisions of its last write and of its creation. A fresh cluster starts at revision 1.
 *
 * A Drivebay revision is an etcd revision, shifted by the site's origin:
 *
 *     drivebay revision = etcd revision - origin
 *
 * where `origin` is the `create_revision` of the site's marker key (the prefix itself, written
 * once when the site is first opened and never deleted). So the site starts at Drivebay revision
 * 0, as the contract asks, a transaction's Drivebay revision is its etcd revision minus origin,
 * and so are every Entry's createRevision and modRevision. The offset is constant, so order,
 * equality and compaction points carry over unchanged. When other sites share the cluster, their
 * writes take etcd revisions too: this site's revisions then skip numbers (they stay increasing;
 * nothing in Drivebay needs them consecutive).
 *
 * "Absent": a Drivebay compare of mod revision 0 is sent as etcd's `mod_revision == 0`. etcd
 * compares a missing key as an all-zero KeyValue, so for one key this is the same test as the
 * usual `create_revision == 0` idiom; a present key's mod revision is never 0. Any other Drivebay
 * mod revision m is compared as `mod_revision == m + origin`.
 *
 * The marker is also put (last) in every transaction that writes, so its `mod_revision` is the
 * site's latest revision whatever other sites do: `revision()` reads it, a range reports it, a
 * watch that replays history knows it has caught up when it sees the marker at that revision,
 * and changesSince counts whole transactions by marker events.
 */
export class RevisionMap {
  constructor(
    /** The etcd revision that is this site's revision 0. */
    readonly origin: number,
  ) {}

  /** The Drivebay revision of an etcd revision (a string on the wire). */
  fromEtcd(revision: string | number): number {
    return Number(revision) - this.origin;
  }

  /** The etcd revision of a Drivebay revision. */
  toEtcd(revision: number): number {
    return revision + this.origin;
  }

  /** The etcd mod_revision a Drivebay compare expects: 0 ("absent") stays 0. */
  compareTarget(modRevision: number): number {
    return modRevision === 0 ? 0 : this.toEtcd(modRevision);
  }

  /** A key's Drivebay mod revision, 0 when absent. */
  modRevisionOf(kv: IKeyValue | undefined): number {
    return kv ? this.fromEtcd(kv.mod_revision) : 0;
  }
}
