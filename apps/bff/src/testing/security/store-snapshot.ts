import type { StateStore } from '../../store/types.js';

/**
 * Keys a refused or malformed request may still write: its audit record, the address's failed
 * sign-ins, and the caller's session activity; and the metrics sampler's timer may record a sample,
 * a podwatcher's timer renew its lease. Everything else is domain state.
 */
export const BOOKKEEPING_PREFIXES = ['audit/', 'auth-failures/', 'sessions/', 'metrics/', 'leases/'] as const;

/** Every domain key with the revision that last wrote it. */
export async function domainSnapshot(store: StateStore): Promise<Map<string, number>> {
  const { entries } = await store.range('');
  const domain = entries.filter((e) => !BOOKKEEPING_PREFIXES.some((prefix) => e.key.startsWith(prefix)));
  return new Map(domain.map((e) => [e.key, e.modRevision]));
}

/** What changed between two snapshots: "+key" added, "-key" removed, "~key" rewritten. */
export function snapshotDiff(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): string[] {
  const changes: string[] = [];
  for (const [key, revision] of after) {
    const was = before.get(key);
    if (was === undefined) changes.push(`+${key}`);
    else if (was !== revision) changes.push(`~${key}`);
  }
  for (const key of before.keys()) if (!after.has(key)) changes.push(`-${key}`);
  return changes.sort();
}
