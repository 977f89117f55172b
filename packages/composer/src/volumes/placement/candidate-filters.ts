import type { Media, StorageClassParameters } from '@drivebay/api-types';
import { fail, ok, type Result } from '../types.js';
import type { CandidateIndex, DriveGroup } from './candidate-index.js';
import { formatCount, plural } from './format.js';

interface Filter {
  /** Request field to blame when nothing passes. */
  field: string;
  label: string;
  keep(group: DriveGroup): boolean;
  /** What the candidates before this filter offer instead, for the error message. */
  existing(groups: readonly DriveGroup[]): string;
}

/** "HDD" or "SSD": the word operators use. */
export const mediaNoun = (media: Media): string => media.toUpperCase();

/** How many drives the groups hold. */
export const driveCount = (groups: readonly DriveGroup[]): number =>
  groups.reduce((n, g) => n + g.drives.length, 0);

/**
 * Narrows the site's eligible drives (health ok, enclosure online) by every request parameter
 * that concerns a drive or its enclosure, one filter at a time, writing the count left after each
 * to the explanation. When a filter leaves nothing, fails naming it and saying what exists.
 */
export function filterCandidates(
  index: CandidateIndex,
  media: Media,
  params: StorageClassParameters,
  explanation: string[],
): Result<DriveGroup[]> {
  const noun = mediaNoun(media);
  const { drives, usable } = index.census[media];
  explanation.push(
    `type=${params.type}: ${plural(drives, noun)} in the site, ${formatCount(usable)} healthy in online enclosures`,
  );
  if (usable === 0) {
    return fail(
      'RESOURCE_EXHAUSTED',
      `type=${params.type}: no healthy ${noun} in an online enclosure (the site has ${plural(drives, noun)})`,
      'parameters.type',
    );
  }
  let groups: DriveGroup[] = [...index.groups[media]];
  for (const filter of filtersFor(media, params)) {
    const kept = groups.filter(filter.keep);
    const n = driveCount(kept);
    explanation.push(`${filter.label}: ${formatCount(n)} left`);
    if (n === 0) {
      const message = `${filter.label}: none of the ${plural(driveCount(groups), `candidate ${noun}`)} qualifies; ${filter.existing(groups)}`;
      return fail('RESOURCE_EXHAUSTED', message, filter.field);
    }
    groups = kept;
  }
  return ok(groups);
}

function filtersFor(media: Media, params: StorageClassParameters): Filter[] {
  const filters: Filter[] = [];
  const { storageGroup, networkTransportsAllowed: transports, requiredTags, excludedTags, rpm } = params;
  if (storageGroup.length > 0) {
    filters.push({
      field: 'parameters.storageGroup',
      label: `storageGroup in [${storageGroup.join(', ')}]`,
      keep: (g) => storageGroup.includes(g.enclosure.storageGroup),
      existing: (gs) => `they sit in ${distinct(gs.map((g) => g.enclosure.storageGroup))}`,
    });
  }
  if (transports.length > 0) {
    filters.push({
      field: 'parameters.networkTransportsAllowed',
      label: `networkTransportsAllowed [${transports.join(', ')}]`,
      keep: (g) => g.enclosure.transports.some((t) => transports.includes(t)),
      existing: (gs) => `their enclosures speak ${distinct(gs.map((g) => g.enclosure.transports.join('+')))}`,
    });
  }
  if (media === 'hdd' && rpm !== undefined && rpm > 0) {
    filters.push({
      field: 'parameters.rpm',
      label: `rpm ≥ ${formatCount(rpm)}`,
      keep: (g) => g.rpm >= rpm,
      existing: (gs) => `the fastest spins at ${formatCount(Math.max(...gs.map((g) => g.rpm)))} rpm`,
    });
  }
  if (requiredTags.length > 0) {
    filters.push({
      field: 'parameters.requiredTags',
      label: `requiredTags [${requiredTags.join(', ')}]`,
      keep: (g) => requiredTags.every((t) => g.tags.has(t)),
      existing: (gs) => `tags present: ${distinct(gs.flatMap((g) => [...g.tags])) || 'none'}`,
    });
  }
  if (excludedTags.length > 0) {
    filters.push({
      field: 'parameters.excludedTags',
      label: `excludedTags [${excludedTags.join(', ')}]`,
      keep: (g) => !excludedTags.some((t) => g.tags.has(t)),
      existing: () => 'every one carries an excluded tag',
    });
  }
  return filters;
}

function distinct(values: readonly string[]): string {
  return [...new Set(values)].sort().join(', ');
}
