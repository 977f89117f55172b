import type { ErrorCode, Server, Volume } from '@drivebay/api-types';
import { checkPath } from '../paths.js';

/**
 * Test support: the CSI state machine written out independently as a table, so the property
 * test checks each call's outcome against it rather than only the invariants after it.
 */
export type LifecycleCall =
  | { kind: 'publish'; server: Server }
  | { kind: 'unpublish'; server: Server }
  | { kind: 'stage'; path: string }
  | { kind: 'unstage'; path: string }
  | { kind: 'nodePublish'; path: string }
  | { kind: 'nodeUnpublish'; path: string }
  | { kind: 'delete'; purge: boolean };

/** changed / unchanged for transitions; delete / release / none for deletes; else the error code. */
export type Outcome = 'changed' | 'unchanged' | 'delete' | 'release' | 'none' | ErrorCode;

const FP = 'FAILED_PRECONDITION';

/** What the call must do to the volume in its current state. */
export function expectedOutcome(volume: Volume, call: LifecycleCall): Outcome {
  const attached = volume.server !== null;
  const staged = volume.stagingPath !== null;
  const badPath =
    'path' in call && !checkPath(call.path, call.kind.includes('tage') ? 'stagingPath' : 'targetPath').ok;
  if (badPath) return 'INVALID_ARGUMENT';
  switch (call.kind) {
    case 'publish':
      if (volume.lifecycle === 'Released') return FP;
      if (attached) return volume.server === call.server.id ? 'unchanged' : FP;
      return call.server.state !== 'up' || volume.health === 'failed' ? FP : 'changed';
    case 'unpublish':
      if (volume.server !== call.server.id) return 'unchanged';
      return staged ? FP : 'changed';
    case 'stage':
      if (!attached) return FP;
      if (staged) return volume.stagingPath === call.path ? 'unchanged' : FP;
      return volume.health === 'failed' ? FP : 'changed';
    case 'unstage':
      if (volume.stagingPath !== call.path) return 'unchanged';
      return volume.targetPaths.length > 0 ? FP : 'changed';
    case 'nodePublish':
      if (call.path === volume.stagingPath) return 'INVALID_ARGUMENT';
      if (!staged) return FP;
      if (volume.targetPaths.includes(call.path)) return 'unchanged';
      return volume.health === 'failed' ? FP : 'changed';
    case 'nodeUnpublish':
      return volume.targetPaths.includes(call.path) ? 'changed' : 'unchanged';
    case 'delete':
      if (attached) return FP;
      if (volume.lifecycle === 'Released') return call.purge ? 'delete' : 'none';
      if (call.purge) return FP;
      return volume.request.reclaimPolicy === 'Delete' ? 'delete' : 'release';
  }
}

/** What expandVolume must answer when every slice grows by `growGiB` (negative: a shrink). */
export function expectedExpand(volume: Volume, growGiB: number): Outcome {
  if (volume.lifecycle === 'Released') return 'FAILED_PRECONDITION';
  if (growGiB < 0) return 'OUT_OF_RANGE';
  if (growGiB === 0) return 'unchanged';
  return volume.health === 'healthy' ? 'changed' : 'FAILED_PRECONDITION';
}
