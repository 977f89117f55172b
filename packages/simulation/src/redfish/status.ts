import type { Drive, Server } from '@drivebay/api-types';
import type { JsonObject } from './json.js';

/**
 * Drivebay's health in Redfish's words (the contract's mapping table, read the other way):
 * a failed drive still answers, so it is Enabled and Critical; an offline one does not.
 */
export function driveStatus(health: Drive['health']): JsonObject {
  switch (health) {
    case 'ok':
      return { State: 'Enabled', Health: 'OK' };
    case 'degraded':
      return { State: 'Enabled', Health: 'Warning' };
    case 'failed':
      return { State: 'Enabled', Health: 'Critical' };
    case 'offline':
      return { State: 'UnavailableOffline', Health: null };
  }
}

export function enclosureStatus(reachable: boolean): JsonObject {
  return reachable ? { State: 'Enabled', Health: 'OK' } : { State: 'UnavailableOffline', Health: 'Critical' };
}

/** A server's power and status: down is powered off, maintenance is a system under test. */
export function systemPower(state: Server['state']): { PowerState: string; Status: JsonObject } {
  switch (state) {
    case 'up':
      return { PowerState: 'On', Status: { State: 'Enabled', Health: 'OK' } };
    case 'down':
      return { PowerState: 'Off', Status: { State: 'Disabled', Health: 'OK' } };
    case 'maintenance':
      return { PowerState: 'On', Status: { State: 'InTest', Health: 'OK' } };
  }
}
