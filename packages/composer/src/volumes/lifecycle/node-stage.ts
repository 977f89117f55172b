import type { Volume } from '@drivebay/api-types';
import type { DecisionContext } from '../../inventory/decision.js';
import { assertNever } from '../../inventory/inventory.js';
import { fail, ok, type Result } from '../types.js';
import { checkPath } from './paths.js';
import { changedTo, released, type Transition, unchanged } from './transition.js';

/**
 * CSI NodeStageVolume: the node assembles RAID, opens encryption and mounts the block device at
 * one staging path (seed 002, slide 27). One staging path per volume: a second one is refused.
 */
export function nodeStage(volume: Volume, stagingPath: string, context: DecisionContext): Result<Transition> {
  const path = checkPath(stagingPath, 'stagingPath');
  if (!path.ok) return path;
  switch (volume.lifecycle) {
    case 'Released':
      return fail('FAILED_PRECONDITION', released(volume, 'staged'));
    case 'Created':
      return fail(
        'FAILED_PRECONDITION',
        `volume ${volume.id} is not published to a server; ControllerPublish it before staging`,
      );
    case 'NodeStaged':
    case 'NodePublished':
      if (volume.stagingPath === stagingPath) return ok(unchanged(volume));
      return fail(
        'FAILED_PRECONDITION',
        `volume ${volume.id} is already staged at ${volume.stagingPath}; unstage it there before staging at ${stagingPath}`,
        'stagingPath',
      );
    case 'ControllerPublished':
      break;
    default:
      return assertNever(volume.lifecycle);
  }
  if (volume.health === 'failed')
    return fail(
      'FAILED_PRECONDITION',
      `volume ${volume.id} is failed (a stripe set has no working copy); it cannot be mounted`,
    );
  return ok(
    changedTo(
      volume,
      { lifecycle: 'NodeStaged', stagingPath },
      context,
      'VolumeStaged',
      `Volume ${volume.name} staged on server ${volume.server} at ${stagingPath}`,
    ),
  );
}

/**
 * CSI NodeUnstageVolume. Idempotent as CSI requires: a volume not staged at that path is already
 * unstaged there. Refused while target paths still bind-mount the staging directory.
 */
export function nodeUnstage(
  volume: Volume,
  stagingPath: string,
  context: DecisionContext,
): Result<Transition> {
  const path = checkPath(stagingPath, 'stagingPath');
  if (!path.ok) return path;
  if (volume.stagingPath !== stagingPath) return ok(unchanged(volume));
  switch (volume.lifecycle) {
    case 'Created':
    case 'ControllerPublished':
    case 'Released':
      return ok(unchanged(volume));
    case 'NodePublished':
      return fail(
        'FAILED_PRECONDITION',
        `volume ${volume.id} is still published at ${volume.targetPaths.join(', ')}; NodeUnpublish those first`,
      );
    case 'NodeStaged':
      return ok(
        changedTo(
          volume,
          { lifecycle: 'ControllerPublished', stagingPath: null },
          context,
          'VolumeUnstaged',
          `Volume ${volume.name} unstaged from ${stagingPath} on server ${volume.server}`,
        ),
      );
    default:
      return assertNever(volume.lifecycle);
  }
}
