import type { DomainEvent, Volume } from '@drivebay/api-types';
import type { DecisionContext } from '../../inventory/decision.js';
import { assertNever } from '../../inventory/inventory.js';
import { fail, ok, type Result } from '../types.js';
import { formatBytes, volumeEvent } from './transition.js';

/**
 * What the caller does with the record: `delete` removes it and returns its members' storage to
 * the pool; `release` writes the Released volume back (storage kept); `none` commits nothing.
 */
export type DeleteAction = 'delete' | 'release' | 'none';

/** The outcome of deleteVolume: for `delete`, `volume` is the last state, whose members are freed. */
export interface Deletion {
  action: DeleteAction;
  volume: Volume;
  events: DomainEvent[];
}

/** Options of a delete. */
export interface DeleteOptions {
  /**
   * Return the storage of a Released volume: the operator's deliberate second step after a Retain
   * delete. Only a Released volume can be purged, so that purge never overrides a live PV's policy.
   */
  purge?: boolean;
}

/**
 * CSI DeleteVolume honouring the reclaim policy (seed 002, slide 33): Delete destroys the storage,
 * Retain keeps it and marks the volume Released. Refused while the volume is still published.
 */
export function deleteVolume(
  volume: Volume,
  context: DecisionContext,
  options: DeleteOptions = {},
): Result<Deletion> {
  switch (volume.lifecycle) {
    case 'ControllerPublished':
    case 'NodeStaged':
    case 'NodePublished':
      return fail(
        'FAILED_PRECONDITION',
        `volume ${volume.id} is ${volume.lifecycle} on server ${volume.server}; unpublish it first`,
      );
    case 'Released':
      if (!options.purge) return ok({ action: 'none', volume, events: [] });
      return ok(destroy(volume, context, 'purged by the operator after a Retain delete'));
    case 'Created':
      break;
    default:
      return assertNever(volume.lifecycle);
  }
  if (options.purge)
    return fail(
      'FAILED_PRECONDITION',
      `volume ${volume.id} is not Released; purge applies only to a volume kept by reclaim policy Retain, so delete it first`,
      'purge',
    );
  switch (volume.request.reclaimPolicy) {
    case 'Delete':
      return ok(destroy(volume, context, 'reclaim policy Delete'));
    case 'Retain': {
      const next: Volume = { ...volume, lifecycle: 'Released', updatedAt: context.now };
      const message =
        `Volume ${volume.name} released (reclaim policy Retain): ${formatBytes(volume.capacityBytes)} on ` +
        `${volume.members.length} member${volume.members.length === 1 ? '' : 's'} kept until purged`;
      return ok({
        action: 'release',
        volume: next,
        events: [volumeEvent(context, next, 'VolumeReleased', 'info', message)],
      });
    }
    default:
      return assertNever(volume.request.reclaimPolicy);
  }
}

function destroy(volume: Volume, context: DecisionContext, why: string): Deletion {
  const count = volume.members.length;
  const message = `Volume ${volume.name} deleted (${why}): ${count} member${count === 1 ? '' : 's'} return to the pool`;
  return {
    action: 'delete',
    volume,
    events: [volumeEvent(context, volume, 'VolumeDeleted', 'info', message)],
  };
}
