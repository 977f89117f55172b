import { findResource, type ResourceDef } from './resources.js';

/** Where a resource request points: a collection (no name) or one object, maybe in a namespace. */
export interface ResourceTarget {
  def: ResourceDef;
  namespace?: string;
  name?: string;
  /** Subresources (status, log, …) are not simulated; the server answers them 404. */
  subresource?: string;
}

/**
 * Maps an apiserver path to its resource: /api/v1/pods, /api/v1/namespaces/ns/pods/name,
 * /apis/storage.k8s.io/v1/storageclasses/fast, /api/v1/namespaces/ns (the namespace itself).
 */
export function routeResource(pathname: string): ResourceTarget | undefined {
  const at = splitGroupVersion(pathname.split('/').filter(Boolean).map(decodeURIComponent));
  if (!at) return undefined;
  const { group, version, rest } = at;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const def = findResource(group, version, rest[2]!);
    if (!def?.namespaced || rest.length > 5) return undefined;
    return target(def, rest[1], rest[3], rest[4]);
  }
  const def = findResource(group, version, rest[0]!);
  // A namespaced plural right after the version is only the all-namespaces collection (/api/v1/pods).
  if (!def || rest.length > 3 || (def.namespaced && rest.length > 1)) return undefined;
  return target(def, undefined, rest[1], rest[2]);
}

function splitGroupVersion(segments: string[]) {
  if (segments[0] === 'api' && segments.length > 2)
    return { group: '', version: segments[1]!, rest: segments.slice(2) };
  if (segments[0] === 'apis' && segments.length > 3)
    return { group: segments[1]!, version: segments[2]!, rest: segments.slice(3) };
  return undefined;
}

function target(def: ResourceDef, namespace?: string, name?: string, subresource?: string): ResourceTarget {
  return {
    def,
    ...(namespace !== undefined && { namespace }),
    ...(name !== undefined && { name }),
    ...(subresource !== undefined && { subresource }),
  };
}
