import type { Etcd3, ICompare, IRequestOp, ITxnResponse } from 'etcd3';
import type { WriteOp } from '../store-input.js';
import type { Compare, TxnResult } from '../types.js';
import type { SiteKeys } from './etcd-keys.js';
import type { RevisionMap } from './etcd-revisions.js';
import { MARKER_VALUE } from './etcd-site.js';

/** What every etcd operation of one site needs. */
export interface Site {
  client: Etcd3;
  keys: SiteKeys;
  revisions: RevisionMap;
}

/** The operations to send and the compares that keep them meaning what the caller asked. */
interface Plan {
  ops: WriteOp[];
  guards: ICompare[];
}

/**
 * One Drivebay transaction as one etcd txn: the caller's compares on mod revisions, all its
 * operations plus the site marker's put on success (all or nothing, one etcd revision), and on
 * failure a read of every compared key at that same revision, which says exactly which compares
 * failed. Retries only when a guard of its own failed (see guardDeletes), never a sent write.
 */
export async function runTxn(site: Site, compare: Compare[], ops: WriteOp[]): Promise<TxnResult> {
  for (;;) {
    const plan = isDeleteOnly(ops) ? await guardDeletes(site, ops) : { ops, guards: [] };
    const result = await attempt(site, compare, plan);
    if (result) return result;
  }
}

function isDeleteOnly(ops: WriteOp[]): boolean {
  return ops.length > 0 && ops.every((op) => op.type === 'delete');
}

/**
 * A transaction that only deletes keys which are all absent must not make a revision (as in
 * SQLite and etcd itself), but the marker's put would make one. So delete-only transactions read
 * their keys first, send deletes for the present ones only, and guard every key's mod revision:
 * if one moved in between, the plan is redone.
 */
async function guardDeletes(site: Site, ops: WriteOp[]): Promise<Plan> {
  const { keys, revisions } = site;
  const read = await site.client.kv.txn({
    success: ops.map((op) => ({ request_range: { key: keys.encode(op.key), keys_only: true } })),
  });
  const present: WriteOp[] = [];
  const guards = ops.map((op, i): ICompare => {
    const kv = read.responses[i]?.response_range.kvs[0];
    if (kv) present.push(op);
    return {
      key: keys.encode(op.key),
      target: 'Mod',
      result: 'Equal',
      mod_revision: revisions.compareTarget(revisions.modRevisionOf(kv)),
    };
  });
  return { ops: present, guards };
}

/** The result, or undefined when only the plan's own guards failed. */
async function attempt(site: Site, compare: Compare[], plan: Plan): Promise<TxnResult | undefined> {
  const { keys, revisions } = site;
  const readMarker: IRequestOp = { request_range: { key: keys.marker } };
  const writes = plan.ops.map((op) => toRequestOp(site, op));
  const response = await sendTxn(site, {
    compare: [
      ...compare.map(
        (c): ICompare => ({
          key: keys.encode(c.key),
          target: 'Mod',
          result: 'Equal',
          mod_revision: revisions.compareTarget(c.modRevision),
        }),
      ),
      ...plan.guards,
    ],
    // The marker goes last, so it is the last event of the revision in the watch.
    success:
      writes.length > 0
        ? [...writes, { request_put: { key: keys.marker, value: MARKER_VALUE } }]
        : [readMarker],
    failure: [
      ...compare.map((c) => ({ request_range: { key: keys.encode(c.key), keys_only: true } })),
      readMarker,
    ],
  });
  if (response.succeeded) {
    // A write's header revision is the revision it committed at; otherwise nothing moved.
    const revision =
      writes.length > 0 ? revisions.fromEtcd(response.header.revision) : markerRevision(site, response, 0);
    return { succeeded: true, revision };
  }
  const conflicts = compare
    .filter((c, i) => revisions.modRevisionOf(response.responses[i]?.response_range.kvs[0]) !== c.modRevision)
    .map((c) => c.key);
  if (conflicts.length === 0) return undefined;
  return { succeeded: false, revision: markerRevision(site, response, compare.length), conflicts };
}

function toRequestOp(site: Site, op: WriteOp): IRequestOp {
  const key = site.keys.encode(op.key);
  if (op.type === 'delete') return { request_delete_range: { key } };
  return { request_put: { key, value: Buffer.from(op.text, 'utf8') } };
}

/** The site's revision from the marker read at `index` of a txn's responses. */
function markerRevision(site: Site, response: ITxnResponse, index: number): number {
  const marker = response.responses[index]?.response_range.kvs[0];
  if (!marker)
    throw new Error('the Drivebay site marker has been deleted from etcd: the site cannot continue');
  return site.revisions.fromEtcd(marker.mod_revision);
}

/** Sends a txn, naming the etcd flag to raise when it is over etcd's limits. */
async function sendTxn(site: Site, request: Parameters<Etcd3['kv']['txn']>[0]): Promise<ITxnResponse> {
  try {
    return await site.client.kv.txn(request);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes('too many operations in txn request')) {
      throw new Error(
        `${message}: this transaction has ${request.success?.length ?? 0} operations; start etcd with a larger --max-txn-ops`,
        { cause: error },
      );
    }
    if (message.includes('request is too large')) {
      throw new Error(`${message}: start etcd with a larger --max-request-bytes`, { cause: error });
    }
    throw error;
  }
}
