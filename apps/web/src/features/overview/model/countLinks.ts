import type { DriveHealth } from '@drivebay/api-types';

/**
 * Where a drive count leads: drives that need a hand to the incident (it lists every drive not OK
 * and what it means for the data), healthy ones to the map coloured by health.
 */
export function driveHealthHref(health: DriveHealth): string {
  return health === 'ok' ? '/topology?colour=health' : '/incident';
}

/** Where an enclosure count leads: offline ones to the incident, online ones to the map. */
export function enclosureStateHref(state: 'online' | 'offline'): string {
  return state === 'offline' ? '/incident' : '/topology';
}
