import type { Enclosure } from '@drivebay/api-types';
import type { CompositionError } from '../types.js';
import { compare } from './candidate-index.js';
import { formatCount, plural } from './format.js';
import type { Availability } from './member-source.js';

/** How many members a layout needs, and how many of them are mirrored pairs. */
export interface Need {
  readonly members: number;
  readonly pairs: number;
}

/** The failure-domain rules a placement attempt enforces. */
export interface Enforced {
  /** Each mirrored pair's copies in different storage groups. */
  readonly sg: boolean;
  /** Each mirrored pair's copies in different enclosures. */
  readonly jbod: boolean;
  /** softDomains=false: each mirrored pair's copies behind different bandwidth domains. */
  readonly distinctDomains: boolean;
}

/**
 * Most mirrored pairs whose two copies fall in different buckets, given what each bucket holds:
 * min(⌊total / 2⌋, total − largest). Pairing the fullest bucket with another reaches it.
 */
export function maxPairs(units: readonly number[]): number {
  const total = units.reduce((a, b) => a + b, 0);
  const largest = Math.max(0, ...units);
  return Math.min(Math.floor(total / 2), total - largest);
}

/**
 * Says, by counting, whether the candidates can meet the need under the rules; if not, which
 * constraint cuts them down and what exists. Counting first gives precise messages; the greedy
 * pick then only runs when the numbers allow it.
 */
export function diagnose(
  available: readonly Availability[],
  need: Need,
  rules: Enforced,
  what: string,
): CompositionError | undefined {
  const total = available.reduce((n, a) => n + a.count, 0);
  const bySg = countBy(available, (e) => e.storageGroup);
  if (total < need.members) {
    const message = `capacity: only ${formatCount(total)} ${what} pass the filters (${breakdown(bySg)}); ${need.members} needed`;
    return { code: 'RESOURCE_EXHAUSTED', message, field: 'capacityBytes' };
  }
  if (need.pairs === 0) return undefined;
  if (rules.sg) {
    const possible = maxPairs([...bySg.values()]);
    if (possible < need.pairs) {
      const message =
        bySg.size < 2
          ? `sgResiliency: ${what} sit in only 1 storage group (${breakdown(bySg)}); a mirrored pair needs its copies in 2`
          : `sgResiliency: ${what} allow only ${possible} of ${need.pairs} mirrored pairs with copies in different storage groups (${breakdown(bySg)})`;
      return { code: 'RESOURCE_EXHAUSTED', message, field: 'parameters.sgResiliency' };
    }
  }
  if (rules.distinctDomains) {
    const byDomain = countBy(available, (e) => e.bandwidthDomain);
    const possible = maxPairs([...byDomain.values()]);
    if (possible < need.pairs) {
      const message =
        byDomain.size < 2
          ? `softDomains=false: ${what} sit behind only ${plural(byDomain.size, 'bandwidth domain')} (${breakdown(byDomain)}); a mirrored pair needs its copies behind 2 (softDomains=true lifts this)`
          : `softDomains=false: ${what} allow only ${possible} of ${need.pairs} mirrored pairs with copies behind different bandwidth domains (${breakdown(byDomain)}; softDomains=true lifts this)`;
      return { code: 'RESOURCE_EXHAUSTED', message, field: 'parameters.softDomains' };
    }
  }
  if (rules.jbod) {
    const byEnclosure = countBy(available, (e) => e.id);
    const possible = maxPairs([...byEnclosure.values()]);
    if (possible < need.pairs) {
      const message =
        byEnclosure.size < 2
          ? `jbodResiliency: only ${plural(byEnclosure.size, 'enclosure')} has ${what} (${breakdown(byEnclosure)}); a mirrored pair needs its copies in 2`
          : `jbodResiliency: ${what} allow only ${possible} of ${need.pairs} mirrored pairs with copies in different enclosures (${breakdown(byEnclosure)})`;
      return { code: 'RESOURCE_EXHAUSTED', message, field: 'parameters.jbodResiliency' };
    }
  }
  return undefined;
}

function countBy(available: readonly Availability[], key: (e: Enclosure) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { enclosure, count } of available) {
    if (count > 0) counts.set(key(enclosure), (counts.get(key(enclosure)) ?? 0) + count);
  }
  return counts;
}

/** "feed-1: 12, feed-2: 3": the fullest four, then how many more. */
function breakdown(counts: ReadonlyMap<string, number>): string {
  if (counts.size === 0) return 'none';
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
  const shown = sorted.slice(0, 4).map(([k, n]) => `${k}: ${formatCount(n)}`);
  if (sorted.length > 4) shown.push(`${sorted.length - 4} more`);
  return shown.join(', ');
}
