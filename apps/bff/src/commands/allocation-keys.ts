import type { Volume } from '@drivebay/api-types';
import { deleteRecord, putRecord } from '../state/collections.js';
import type { VolumeView } from '../state/volume-view.js';
import type { Operation } from '../store/types.js';

/**
 * Writes for the per-drive allocation keys a volume change touches. Every composition that
 * uses a drive rewrites that drive's key, so two concurrent decisions over the same drive
 * cannot both commit: the second fails its compare and is decided again on fresh state.
 */
export function allocationWrites(
  view: VolumeView,
  before: Volume | undefined,
  after: Volume | undefined,
): Operation[] {
  const drives = new Set([...(before?.members ?? []), ...(after?.members ?? [])].map((m) => m.driveId));
  const id = (after ?? before)?.id;
  const writes: Operation[] = [];
  for (const driveId of [...drives].sort()) {
    const holders = new Set(view.onDrive(driveId).map((v) => v.id));
    if (id) holders.delete(id);
    if (id && after?.members.some((m) => m.driveId === driveId)) holders.add(id);
    if (holders.size === 0) writes.push(deleteRecord('allocations', driveId));
    else writes.push(putRecord('allocations', driveId, { driveId, volumes: [...holders].sort() }));
  }
  return writes;
}
