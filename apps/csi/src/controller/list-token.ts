import { CsiError } from '../csi/status.js';

const PREFIX = 'after:';

/**
 * ListVolumes paging tokens: "after:<last volume name>". A name cursor (Drivebay lists by name)
 * neither skips nor repeats a volume when others come and go between pages, as offsets would.
 */
export function tokenAfter(name: string): string {
  return `${PREFIX}${name}`;
}

/** The name to list after, undefined for the first page; a token this plugin never gave is ABORTED. */
export function readToken(token: string): string | undefined {
  if (!token) return undefined;
  if (!token.startsWith(PREFIX) || token.length === PREFIX.length)
    throw new CsiError('ABORTED', `starting_token "${token.slice(0, 80)}" is not one this plugin returned`);
  return token.slice(PREFIX.length);
}
