import type { VolumeMember } from '@drivebay/api-types';
import { assertNever } from '../../inventory/inventory.js';
import type { SiteView } from '../types.js';

/**
 * Whether a member's storage can serve I/O: its drive is present and neither failed nor offline,
 * and its enclosure is online. A degraded drive (SMART warnings) still serves.
 */
export function isReachable(member: VolumeMember, site: SiteView): boolean {
  const drive = site.drive(member.driveId);
  if (!drive) return false;
  switch (drive.health) {
    case 'failed':
    case 'offline':
      return false;
    case 'ok':
    case 'degraded':
      break;
    default:
      return assertNever(drive.health);
  }
  return site.enclosure(member.enclosureId)?.state === 'online';
}
