import type { z } from 'zod';
import type { RedfishClient } from './client.js';
import { RedfishError } from './errors.js';
import { CollectionSchema } from './schemas.js';

/** A collection member: its path, and the resource itself when the service expanded it. */
export interface Member {
  path: string;
  /** The expanded resource, still to be checked against its schema; absent for a bare reference. */
  body?: Record<string, unknown>;
}

/** What the service says it supports, from ProtocolFeaturesSupported. */
export interface QueryFeatures {
  /** `$expand=.($levels=1)`: subordinate references expanded. */
  expand: boolean;
}

/** A page after this many is a loop or a broken service, not a collection. */
const MAX_PAGES = 10_000;

/** A collection read in full, and what to ask it again with If-None-Match. */
export interface ReadCollection {
  members: Member[];
  /** The path of its first page as asked ($expand included): the same question gets the same ETag. */
  path: string;
  /** The ETag of a collection that came in one page; undefined when paged or the service sends none. */
  etag: string | undefined;
}

/**
 * Every member of a collection, following `Members@odata.nextLink` in whatever form it comes
 * (a path, a URL, with $skip or a vendor's token), with members expanded when the service
 * supports it. A member that is only `{ "@odata.id" }` is a reference, to be read by the caller.
 */
export async function readMembers(
  client: RedfishClient,
  path: string,
  features: QueryFeatures,
): Promise<Member[]> {
  return (await readCollection(client, path, features)).members;
}

/** `readMembers`, with the collection's ETag: an expanded page's changes when any member does. */
export async function readCollection(
  client: RedfishClient,
  path: string,
  features: QueryFeatures,
): Promise<ReadCollection> {
  const members: Member[] = [];
  const seen = new Set<string>();
  const first = features.expand ? withQuery(path, '$expand=.($levels=1)') : path;
  let etag: string | undefined;
  let next: string | undefined = first;
  for (let page = 0; next !== undefined; page++) {
    if (page >= MAX_PAGES || seen.has(next)) throw new RedfishError('malformed', path, 'nextLink loops');
    seen.add(next);
    const fetched = await client.get(next, CollectionSchema);
    const value: z.output<typeof CollectionSchema> = fetched.value;
    for (const member of value.Members ?? []) {
      const { '@odata.id': id, ...rest } = member;
      members.push(Object.keys(rest).length > 0 ? { path: id, body: member } : { path: id });
    }
    next = value['Members@odata.nextLink'];
    etag = page === 0 && next === undefined ? fetched.etag : undefined;
  }
  return { members, path: first, etag };
}

/** The path with a query parameter added (a path may carry a query already). */
export function withQuery(path: string, query: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/** A path as a key: no query, no trailing slash, so that links written either way match. */
export function pathKey(ref: string): string {
  const withoutQuery = ref.split('?')[0] ?? ref;
  const path = /^https?:\/\//.test(withoutQuery) ? new URL(withoutQuery).pathname : withoutQuery;
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
