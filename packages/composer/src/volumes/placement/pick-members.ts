import type { Enclosure } from '@drivebay/api-types';
import { compare } from './candidate-index.js';
import type { Enforced } from './diagnose.js';
import type { Candidate, MemberSource } from './member-source.js';

/** A chosen member: where it goes, and its place in the layout. */
export interface Picked {
  readonly candidate: Candidate;
  readonly set: number;
  readonly copy: number;
}

/** Members for every set, or why the greedy pick ran dry. */
export type PickOutcome = { ok: true; picked: Picked[]; warnings: string[] } | { ok: false; message: string };

/**
 * Greedy pick of `sets` × `copies` members. Copy 0 of a set is the source's best candidate; when
 * a stripe has several pairs, it comes from the storage group (or enclosure) with the most
 * candidates left, which is what lets the greedy reach the most pairs. Copy 1 is the best
 * candidate in another storage group and enclosure, falling back only as far as `rules` allow.
 */
export function pickMembers(source: MemberSource, sets: number, copies: 1 | 2, rules: Enforced): PickOutcome {
  const picked: Picked[] = [];
  const warnings: string[] = [];
  const take = (candidate: Candidate, set: number, copy: number) => {
    source.take(candidate);
    picked.push({ candidate, set, copy });
  };
  for (let set = 0; set < sets; set++) {
    const key = copies === 2 && sets > 1 ? fullestKey(source, rules) : undefined;
    const first = source.best((e) => key === undefined || keyOf(e, rules) === key);
    if (!first) return { ok: false, message: `no ${source.what} left for set ${set}` };
    take(first, set, 0);
    if (copies === 1) continue;
    const second = pickPartner(source, first.enclosure, rules);
    if (!second)
      return { ok: false, message: `no ${source.what} left to mirror set ${set} within the rules` };
    take(second.candidate, set, 1);
    warnings.push(...second.shortfalls.map((s) => `${s} (set ${set})`));
  }
  return { ok: true, picked, warnings };
}

/** Where a mirror copy sits: what its partner must get away from. */
export type Anchor = Pick<Enclosure, 'id' | 'storageGroup' | 'bandwidthDomain'>;

/**
 * The best candidate to mirror a copy in `anchor`: in another storage group and enclosure if
 * possible; in the same storage group, then the same enclosure, only where `rules` do not forbid
 * it (sgResiliency / jbodResiliency false: best effort), each shortfall reported. With
 * softDomains=false the partner is always behind another bandwidth domain (top-of-rack pair), so
 * one switch failing or saturating never takes or throttles both legs of a mirror.
 */
export function pickPartner(
  source: MemberSource,
  anchor: Anchor,
  rules: Enforced,
): { candidate: Candidate; shortfalls: string[] } | undefined {
  const attempts = [
    { sg: true, jbod: true },
    { sg: rules.sg, jbod: true },
    { sg: rules.sg, jbod: rules.jbod },
  ];
  for (const [i, attempt] of attempts.entries()) {
    const previous = attempts[i - 1];
    if (previous && previous.sg === attempt.sg && previous.jbod === attempt.jbod) continue;
    const candidate = source.best(
      (e) =>
        (!rules.distinctDomains || e.bandwidthDomain !== anchor.bandwidthDomain) &&
        (!attempt.sg || e.storageGroup !== anchor.storageGroup) &&
        (!attempt.jbod || e.id !== anchor.id),
    );
    if (candidate) return { candidate, shortfalls: shortfalls(anchor, candidate.enclosure) };
  }
  return undefined;
}

function shortfalls(anchor: Anchor, other: Enclosure): string[] {
  const found: string[] = [];
  if (anchor.storageGroup === other.storageGroup) {
    found.push(
      `sgResiliency=false, best effort not met: both copies in storage group ${anchor.storageGroup}; its failure would take the volume down`,
    );
  }
  if (anchor.id === other.id) {
    found.push(`jbodResiliency=false, best effort not met: both copies in enclosure ${anchor.id}`);
  }
  return found;
}

function keyOf(e: Enclosure, rules: Enforced): string | undefined {
  return rules.sg ? e.storageGroup : rules.jbod ? e.id : undefined;
}

/** The storage group (or enclosure) with the most candidates left. */
function fullestKey(source: MemberSource, rules: Enforced): string | undefined {
  if (!rules.sg && !rules.jbod) return undefined;
  const counts = new Map<string, number>();
  for (const { enclosure, count } of source.availability()) {
    if (count === 0) continue;
    const key = keyOf(enclosure, rules)!;
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  let best: [string, number] | undefined;
  for (const [key, count] of counts) {
    if (!best || count > best[1] || (count === best[1] && compare(key, best[0]) < 0)) best = [key, count];
  }
  return best?.[0];
}
