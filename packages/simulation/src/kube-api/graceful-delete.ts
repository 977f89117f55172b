import { readPath, readString } from './object-path.js';
import type { ResourceDef } from './resources.js';
import type { KubeObject } from './types.js';

/** The pod registry's default when a pod names no terminationGracePeriodSeconds. */
const DEFAULT_POD_GRACE_SECONDS = 30;

/**
 * How long a DELETE leaves an object terminating, as the apiserver's pod strategy decides: a pod
 * bound to a node and not yet finished gets the grace period asked for (else its own
 * terminationGracePeriodSeconds), so its kubelet can stop it; anything else goes at once (0).
 */
export function gracePeriodFor(def: ResourceDef, object: KubeObject, requested: number | undefined): number {
  if (def.plural !== 'pods') return 0;
  const phase = readString(object, 'status.phase');
  if (!readString(object, 'spec.nodeName') || phase === 'Succeeded' || phase === 'Failed') return 0;
  if (requested !== undefined) return requested;
  const own = readPath(object, 'spec.terminationGracePeriodSeconds');
  return typeof own === 'number' ? own : DEFAULT_POD_GRACE_SECONDS;
}
