import { groupVersion, type ResourceDef } from './resources.js';
import type { KubeObject, KubeStatus, StoreChange } from './types.js';

/** One line of a watch stream. */
export type WatchEvent =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: KubeObject }
  | { type: 'BOOKMARK'; object: { kind: string; apiVersion: string; metadata: { resourceVersion: string } } }
  | { type: 'ERROR'; object: KubeStatus };

/**
 * What a change looks like to one filtered watch: an object that stops matching its selector is
 * DELETED for that watch and one that starts matching is ADDED, as the apiserver's watch cache does.
 */
export function projectChange(
  change: StoreChange,
  def: ResourceDef,
  matches: (object: KubeObject) => boolean,
): WatchEvent | undefined {
  if (change.resource !== def.plural) return undefined;
  const { object } = change;
  if (change.type === 'ADDED') return matches(object) ? { type: 'ADDED', object } : undefined;
  if (change.type === 'DELETED') return matches(object) ? { type: 'DELETED', object } : undefined;
  const now = matches(object);
  const before = change.previous !== undefined && matches(change.previous);
  if (now && before) return { type: 'MODIFIED', object };
  if (now) return { type: 'ADDED', object };
  if (before) return { type: 'DELETED', object };
  return undefined;
}

/** A bookmark: no object, only the resourceVersion the client may resume from. */
export function bookmark(def: ResourceDef, resourceVersion: number): WatchEvent {
  return {
    type: 'BOOKMARK',
    object: {
      kind: def.kind,
      apiVersion: groupVersion(def),
      metadata: { resourceVersion: String(resourceVersion) },
    },
  };
}
