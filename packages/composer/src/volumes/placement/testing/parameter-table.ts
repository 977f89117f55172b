import type { StorageClassParametersInput } from '@drivebay/api-types';
import { expect } from 'vitest';
import type { PlacementPlan, Result } from '../../types.js';
import { AllocationIndex } from '../allocation-index.js';
import { planPlacement } from '../plan-placement.js';
import { referenceSite, request, shelf, siteOf, TB } from './placement-fixtures.js';

/** Shared fixtures and checks of the StorageClass parameter tables. */

/** The reference site (see test-support) every row runs on unless it names another. */
export const { site, shelves } = referenceSite();
const ssd = { media: 'ssd' as const, capacityBytes: 3.84 * TB, rpm: 0, tags: ['nvme'] };

/** Two SSD shelves in feed-1 only, in different bandwidth domains. */
export const oneFeed = siteOf([
  shelf({ kind: 'ebod', storageGroup: 'feed-1', bandwidthDomain: 'tor-x' }, 2, ssd),
  shelf({ kind: 'ebod', storageGroup: 'feed-1', bandwidthDomain: 'tor-y' }, 2, ssd),
]);
/** One SSD shelf. */
export const oneShelf = siteOf([
  shelf({ kind: 'ebod', storageGroup: 'feed-1', bandwidthDomain: 'tor-x' }, 4, ssd),
]);
/** Two SSD shelves in different storage groups behind one top-of-rack pair. */
export const oneDomain = siteOf([
  shelf({ kind: 'ebod', storageGroup: 'feed-1', bandwidthDomain: 'tor-x' }, 2, ssd),
  shelf({ kind: 'ebod', storageGroup: 'feed-2', bandwidthDomain: 'tor-x' }, 2, ssd),
]);

/** Two SSD shelves, one per storage group and bandwidth domain: room for a RAID10 of two pairs. */
export const twoDomains = siteOf([
  shelf({ kind: 'ebod', storageGroup: 'feed-1', bandwidthDomain: 'tor-x' }, 2, ssd),
  shelf({ kind: 'ebod', storageGroup: 'feed-2', bandwidthDomain: 'tor-y' }, 2, ssd),
]);

/** What a row expects of planPlacement's answer. */
export type Check = (plan: Result<PlacementPlan>) => void;

/** One request and what it must give. */
export interface Row {
  name: string;
  size: number;
  parameters: StorageClassParametersInput;
  check: Check;
  on?: typeof site;
}

/** A drive of the reference site. */
export const drive = (id: string) => site.drives.get(id)!;
/** An enclosure of the reference site. */
export const enclosure = (id: string) => site.enclosures.get(id)!;

/** Expects a plan, and checks it. */
export const succeeds =
  (check: (plan: PlacementPlan) => void): Check =>
  (result) => {
    if (!result.ok) throw new Error(`expected a plan, got ${result.error.code}: ${result.error.message}`);
    check(result.value);
  };

/** Expects a failure with this code, field and message. */
export const failsWith =
  (code: string, field: string | undefined, message: RegExp): Check =>
  (result) => {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(result.error.message).toMatch(message);
  };

const defaultPlan = planPlacement(site, new AllocationIndex(), request(4 * TB));
/** Expects exactly the members a default 4 TB request gets. */
export const sameAsDefault = succeeds((plan) => {
  expect(defaultPlan.ok && plan.members).toEqual(defaultPlan.ok && defaultPlan.value.members);
});

/** Runs a row on a fresh allocation index. */
export function runRow({ on, size, parameters, check }: Row): void {
  check(planPlacement(on ?? site, new AllocationIndex(), request(size, parameters)));
}
