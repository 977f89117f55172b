import { type Volume, VolumeSchema } from '@drivebay/api-types';
import { expect } from 'vitest';
import type { SiteView } from '../../types.js';
import { membersBySet } from '../health.js';
import { isReachable } from '../reachability.js';

/**
 * Test support: what must hold for every volume after every call, whatever the sequence.
 * Lifecycle fields agree with the state; health agrees with the members; members agree with
 * the hardware.
 */
export function checkInvariants(volume: Volume, site: SiteView): void {
  expect(VolumeSchema.parse(volume)).toEqual(volume);
  const fields = {
    lifecycle: volume.lifecycle,
    server: volume.server !== null,
    transport: volume.transport !== null,
    staged: volume.stagingPath !== null,
    targets: volume.targetPaths.length > 0,
  };
  const attached = ['ControllerPublished', 'NodeStaged', 'NodePublished'].includes(volume.lifecycle);
  const staged = ['NodeStaged', 'NodePublished'].includes(volume.lifecycle);
  // NodePublished ⇒ staged and published; Released (like Created) ⇒ published nowhere.
  expect(fields).toEqual({
    lifecycle: volume.lifecycle,
    server: attached,
    transport: attached,
    staged,
    targets: volume.lifecycle === 'NodePublished',
  });
  expect(new Set(volume.targetPaths).size).toBe(volume.targetPaths.length);
  expect(volume.health).toBe(expectedHealth(volume));
  for (const member of volume.members) {
    switch (member.state) {
      case 'active':
        expect(member.rebuild).toBeUndefined();
        expect(member.failedAt).toBeUndefined();
        expect(isReachable(member, site)).toBe(true);
        break;
      case 'rebuilding':
        expect(member.rebuild).toBeDefined();
        expect(isReachable(member, site)).toBe(true);
        break;
      case 'failed':
        expect(member.failedAt).toBeDefined();
        break;
    }
  }
  for (const set of membersBySet(volume.members).values())
    if (set.some((m) => m.state === 'rebuilding')) expect(set.some((m) => m.state === 'active')).toBe(true);
}

/** The brief's health rule, written out again rather than trusting healthOf to check itself. */
function expectedHealth(volume: Volume): Volume['health'] {
  const sets = [...membersBySet(volume.members).values()];
  const states = volume.members.map((m) => m.state);
  if (sets.some((set) => set.every((m) => m.state !== 'active'))) return 'failed';
  if (states.includes('failed')) return 'degraded';
  return states.includes('rebuilding') ? 'rebuilding' : 'healthy';
}
