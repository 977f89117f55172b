import type { Server, Transport, Volume } from '@drivebay/api-types';
import { fail, ok, type Result, type SiteView } from '../types.js';

/** Most performant first (seed 002, slide 32: roce > nvmetcp > iscsi). */
export const TRANSPORT_PREFERENCE: readonly Transport[] = ['roce', 'nvmetcp', 'iscsi'];

/**
 * The transport a volume is published over: the most performant one that the server, every
 * member's enclosure and the StorageClass allow. Every member counts, failed ones too, because
 * the host assembles the RAID over one transport and a rebuilt leg must join it.
 */
export function chooseTransport(volume: Volume, server: Server, site: SiteView): Result<Transport> {
  const allowed = volume.request.parameters.networkTransportsAllowed;
  let candidates = TRANSPORT_PREFERENCE.filter((t) => server.transports.includes(t));
  const sides = [`server ${server.id} speaks ${list(server.transports)}`];
  const seen = new Set<string>();
  for (const member of volume.members) {
    if (seen.has(member.enclosureId)) continue;
    seen.add(member.enclosureId);
    const enclosure = site.enclosure(member.enclosureId);
    if (!enclosure)
      return fail(
        'FAILED_PRECONDITION',
        `enclosure ${member.enclosureId} of member ${member.driveId} is not in the inventory; its transports are unknown`,
      );
    candidates = candidates.filter((t) => enclosure.transports.includes(t));
    sides.push(`enclosure ${enclosure.id} speaks ${list(enclosure.transports)}`);
  }
  const hardwareOnly = candidates;
  if (allowed.length > 0) candidates = candidates.filter((t) => allowed.includes(t));
  const chosen = candidates[0];
  if (chosen) return ok(chosen);
  if (hardwareOnly.length > 0)
    return fail(
      'FAILED_PRECONDITION',
      `no allowed transport: the StorageClass allows ${list(allowed)} but ${sides.join(', ')}; ` +
        `allowing ${list(hardwareOnly)} would work`,
      'parameters.networkTransportsAllowed',
    );
  return fail('FAILED_PRECONDITION', `no transport in common: ${sides.join(', ')}`);
}

function list(transports: readonly Transport[]): string {
  return transports.length === 0 ? 'none' : transports.join(', ');
}
