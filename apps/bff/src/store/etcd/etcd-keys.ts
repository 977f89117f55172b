/**
 * How a site's Drivebay keys sit in etcd's flat, byte-ordered key space.
 *
 * Every key of a site is `<prefix><drivebay key>` (UTF-8), so several sites can share one etcd
 * cluster under different prefixes. The key that is the prefix itself is the site's revision
 * marker (see etcd-revisions.ts): a Drivebay key is never empty, so it can never collide with one,
 * and it falls inside the prefix's range, so one watch on the range sees it with every commit.
 */
export class SiteKeys {
  /** The site marker's etcd key: the prefix itself. */
  readonly marker: Buffer;
  private readonly prefix: Buffer;

  constructor(prefix: string) {
    checkPrefix(prefix);
    this.prefix = Buffer.from(prefix, 'utf8');
    this.marker = this.prefix;
  }

  /** The etcd key of a Drivebay key. */
  encode(key: string): Buffer {
    return Buffer.concat([this.prefix, Buffer.from(key, 'utf8')]);
  }

  /** The Drivebay key of an etcd key of this site. */
  decode(key: Buffer): string {
    return key.subarray(this.prefix.length).toString('utf8');
  }

  /** Whether an etcd key of this site's range is the marker rather than a Drivebay key. */
  isMarker(key: Buffer): boolean {
    return key.length === this.prefix.length;
  }

  /** The etcd range [key, range_end) holding every Drivebay key that starts with `prefix` (and, for '', the marker). */
  range(prefix: string): { key: Buffer; range_end: Buffer } {
    const key = this.encode(prefix);
    return { key, range_end: prefixEnd(key) };
  }
}

/** Prefixes end in '/' so that 'site-a/' and 'site-ab/' do not overlap. */
export function checkPrefix(prefix: string): void {
  if (!prefix.endsWith('/') || prefix.length < 2) {
    throw new RangeError(
      `an etcd key prefix must be at least one character and end with '/', got '${prefix}'`,
    );
  }
  if (/\p{Cs}/u.test(prefix)) throw new RangeError(`etcd key prefix '${prefix}' is not well-formed Unicode`);
}

/**
 * The smallest key above every key that starts with `key`, as etcd's clientv3.GetPrefixRangeEnd
 * computes it: the last byte below 0xff incremented, what follows it dropped; "\0" (to the end
 * of the key space) when every byte is 0xff.
 */
export function prefixEnd(key: Buffer): Buffer {
  for (let i = key.length - 1; i >= 0; i--) {
    const byte = key[i] ?? 0xff;
    if (byte < 0xff) {
      const end = Buffer.from(key.subarray(0, i + 1));
      end[i] = byte + 1;
      return end;
    }
  }
  return Buffer.from([0]);
}
