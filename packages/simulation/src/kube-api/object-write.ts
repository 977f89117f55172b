import { chooseName, kubeTime } from './object-meta.js';
import { groupVersion, type ResourceDef } from './resources.js';
import { badRequest, conflict, KubeApiError } from './status.js';
import type { KubeObject, KubeObjectInput } from './types.js';

/** What the server decides for a new object: where it lives, who it is and when it was born. */
export interface Assigned {
  namespace: string | undefined;
  uid: string;
  now: number;
}

const PROTECTED: Record<string, string> = {
  persistentvolumeclaims: 'kubernetes.io/pvc-protection',
  persistentvolumes: 'kubernetes.io/pv-protection',
};

/** The object a create stores (before its resourceVersion): server-owned metadata filled in. */
export function buildCreated(def: ResourceDef, input: KubeObjectInput, assigned: Assigned): KubeObject {
  // generateName stays on the object, as the apiserver keeps it.
  const { namespace: _namespace, ...meta } = structuredClone(input.metadata);
  const isNamespace = def.plural === 'namespaces' && !input.status;
  const name = chooseName(def, input);
  return {
    ...structuredClone(input),
    // The namespace controller would make a new namespace Active at once.
    ...(isNamespace ? { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } } : {}),
    apiVersion: groupVersion(def),
    kind: def.kind,
    metadata: {
      ...meta,
      // The apiserver labels every namespace with its own name, so selectors can pick it.
      ...(def.plural === 'namespaces' && {
        labels: { ...(meta.labels ?? {}), 'kubernetes.io/metadata.name': name },
      }),
      // The StorageObjectInUseProtection admission plugin: claims and PVs are not removed while in use.
      ...(PROTECTED[def.plural] && {
        finalizers: [...new Set([...(meta.finalizers ?? []), PROTECTED[def.plural] as string])],
      }),
      name,
      ...(assigned.namespace ? { namespace: assigned.namespace } : {}),
      uid: assigned.uid,
      // In-process seeding may backdate objects (so AGE reads like a real cluster); HTTP creates strip it.
      creationTimestamp: meta.creationTimestamp ?? kubeTime(assigned.now),
    },
  };
}

/**
 * The object an update stores: the caller's content on the current identity. A replacement that names
 * a resourceVersion other than the current one lost a race and is a Conflict, as in the apiserver.
 */
export function buildReplacement(def: ResourceDef, current: KubeObject, next: KubeObjectInput): KubeObject {
  const expectedRv = next.metadata.resourceVersion;
  const { name } = current.metadata;
  if (expectedRv && expectedRv !== current.metadata.resourceVersion)
    throw new KubeApiError(conflict(def, name));
  if (next.metadata.name && next.metadata.name !== name)
    throw new KubeApiError(
      badRequest(
        `the name of the object (${next.metadata.name}) does not match the name on the URL (${name})`,
      ),
    );
  const { deletionTimestamp: _at, deletionGracePeriodSeconds: _grace, ...metadata } = next.metadata;
  return {
    ...next,
    apiVersion: current.apiVersion,
    kind: current.kind,
    metadata: { ...metadata, ...identity(current) },
  };
}

// Fields only the server owns: a write can't move an object, rewrite its history, or start or
// call off its deletion (only a DELETE does that).
function identity(current: KubeObject) {
  const { name, namespace, uid, creationTimestamp, resourceVersion } = current.metadata;
  const { deletionTimestamp, deletionGracePeriodSeconds } = current.metadata;
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid,
    creationTimestamp,
    resourceVersion,
    ...(deletionTimestamp ? { deletionTimestamp, deletionGracePeriodSeconds } : {}),
  };
}
