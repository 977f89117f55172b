import type { IKeyValue } from 'etcd3';
import type { Entry, JsonValue, RangeResult } from '../types.js';
import type { Site } from './etcd-txn.js';

const COMPACTED = 'required revision has been compacted';
const MAX_RESTARTS = 5;

/**
 * Every entry under `prefix`, sorted by key (etcd ranges are in byte order, which for UTF-8 is
 * code point order, as in SQLite), read in pages of `pageSize` keys so that no response grows
 * with the site (100,000 drives are 100 pages of 1,000). The first page and the marker are read
 * in one txn; later pages are read at that page's etcd revision, so all pages show one state. If
 * compaction overtakes that revision between pages, the whole read starts again.
 */
export async function readRange(site: Site, prefix: string, pageSize: number): Promise<RangeResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await readPages(site, prefix, pageSize);
    } catch (error) {
      const compacted = error instanceof Error && error.message.includes(COMPACTED);
      if (!compacted || attempt >= MAX_RESTARTS) throw error;
    }
  }
}

async function readPages(site: Site, prefix: string, pageSize: number): Promise<RangeResult> {
  const { client, keys, revisions } = site;
  const { key, range_end } = keys.range(prefix);
  const first = await client.kv.txn({
    success: [
      { request_range: { key: keys.marker } },
      { request_range: { key, range_end, limit: pageSize } },
    ],
  });
  const marker = first.responses[0]?.response_range.kvs[0];
  const page = first.responses[1]?.response_range;
  if (!marker || !page) throw new Error('the Drivebay site marker has been deleted from etcd');
  const entries: Entry[] = [];
  const add = (kvs: IKeyValue[]) => {
    for (const kv of kvs) if (!keys.isMarker(kv.key)) entries.push(toEntry(site, kv));
  };
  add(page.kvs);
  let more = page.more;
  let last = page.kvs.at(-1)?.key;
  while (more && last) {
    // The next key after `last` in byte order is `last` followed by a zero byte.
    const next = await client.kv.range({
      key: Buffer.concat([last, Buffer.from([0])]),
      range_end,
      limit: pageSize,
      revision: first.header.revision,
    });
    add(next.kvs);
    more = next.more;
    last = next.kvs.at(-1)?.key;
  }
  return { entries, revision: revisions.fromEtcd(marker.mod_revision) };
}

/** An etcd key-value of this site as the Entry callers see. */
export function toEntry(site: Site, kv: IKeyValue): Entry {
  return {
    key: site.keys.decode(kv.key),
    value: parseValue(kv.value),
    createRevision: site.revisions.fromEtcd(kv.create_revision),
    modRevision: site.revisions.fromEtcd(kv.mod_revision),
    version: Number(kv.version),
  };
}

/** The store wrote every value with JSON.stringify, so it parses back to a JsonValue. */
export function parseValue(value: Buffer): JsonValue {
  const parsed: JsonValue = JSON.parse(value.toString('utf8'));
  return parsed;
}
