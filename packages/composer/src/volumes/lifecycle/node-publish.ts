import type { Volume } from '@drivebay/api-types';
import type { DecisionContext } from '../../inventory/decision.js';
import { assertNever } from '../../inventory/inventory.js';
import { fail, ok, type Result } from '../types.js';
import { checkPath } from './paths.js';
import { changedTo, released, type Transition, unchanged } from './transition.js';

/**
 * CSI NodePublishVolume: bind-mounts the staging directory into a pod. Several pods on the
 * staged node may each have a target path; repeating a path is idempotent.
 */
export function nodePublish(
  volume: Volume,
  targetPath: string,
  context: DecisionContext,
): Result<Transition> {
  const path = checkPath(targetPath, 'targetPath');
  if (!path.ok) return path;
  if (targetPath === volume.stagingPath)
    return fail(
      'INVALID_ARGUMENT',
      `targetPath ${targetPath} is the staging path; a target must differ`,
      'targetPath',
    );
  switch (volume.lifecycle) {
    case 'Released':
      return fail('FAILED_PRECONDITION', released(volume, 'published'));
    case 'Created':
    case 'ControllerPublished':
      return fail(
        'FAILED_PRECONDITION',
        `volume ${volume.id} is ${volume.lifecycle}, not staged; NodeStage it before publishing to a pod`,
      );
    case 'NodeStaged':
    case 'NodePublished':
      break;
    default:
      return assertNever(volume.lifecycle);
  }
  if (volume.targetPaths.includes(targetPath)) return ok(unchanged(volume));
  if (volume.health === 'failed')
    return fail(
      'FAILED_PRECONDITION',
      `volume ${volume.id} is failed (a stripe set has no working copy); it cannot be given to a pod`,
    );
  const targetPaths = [...volume.targetPaths, targetPath];
  return ok(
    changedTo(
      volume,
      { lifecycle: 'NodePublished', targetPaths },
      context,
      'VolumeNodePublished',
      `Volume ${volume.name} published at ${targetPath} on server ${volume.server} (${targetPaths.length} target${targetPaths.length === 1 ? '' : 's'})`,
    ),
  );
}

/**
 * CSI NodeUnpublishVolume. Idempotent: a path that is not published is already unpublished.
 * When the last target goes, the volume is back to NodeStaged.
 */
export function nodeUnpublish(
  volume: Volume,
  targetPath: string,
  context: DecisionContext,
): Result<Transition> {
  const path = checkPath(targetPath, 'targetPath');
  if (!path.ok) return path;
  if (!volume.targetPaths.includes(targetPath)) return ok(unchanged(volume));
  const targetPaths = volume.targetPaths.filter((p) => p !== targetPath);
  return ok(
    changedTo(
      volume,
      { lifecycle: targetPaths.length === 0 ? 'NodeStaged' : 'NodePublished', targetPaths },
      context,
      'VolumeNodeUnpublished',
      `Volume ${volume.name} unpublished from ${targetPath} on server ${volume.server} (${targetPaths.length} target${targetPaths.length === 1 ? '' : 's'} left)`,
    ),
  );
}
