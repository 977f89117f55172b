import type { ResourceDef } from './resources.js';
import type { KubeStatus } from './types.js';

/** A failure that carries the Status the apiserver would answer with; the store throws it, HTTP sends it. */
export class KubeApiError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message);
    this.name = 'KubeApiError';
  }
}

/** A Failure Status with the given HTTP code and machine-readable reason. */
export function failure(
  code: number,
  reason: string,
  message: string,
  details?: KubeStatus['details'],
): KubeStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

// The apiserver names resources qualified by group ("storageclasses.storage.k8s.io") outside the core group.
function qualified(def: ResourceDef): string {
  return def.group ? `${def.plural}.${def.group}` : def.plural;
}

function detailsOf(def: ResourceDef, name: string): KubeStatus['details'] {
  return { name, ...(def.group ? { group: def.group } : {}), kind: def.plural };
}

/** 404 for a missing object: `pods "x" not found`. */
export function notFound(def: ResourceDef, name: string): KubeStatus {
  return failure(404, 'NotFound', `${qualified(def)} "${name}" not found`, detailsOf(def, name));
}

/** 404 for a path the simulator does not serve. */
export function pathNotFound(): KubeStatus {
  return failure(404, 'NotFound', 'the server could not find the requested resource');
}

/** 409 on create of a name that is taken. */
export function alreadyExists(def: ResourceDef, name: string): KubeStatus {
  return failure(409, 'AlreadyExists', `${qualified(def)} "${name}" already exists`, detailsOf(def, name));
}

/** 409 when a write names a resourceVersion that is no longer current (optimistic concurrency). */
export function conflict(def: ResourceDef, name: string): KubeStatus {
  const message = `Operation cannot be fulfilled on ${qualified(def)} "${name}": the object has been modified; please apply your changes to the latest version and try again`;
  return failure(409, 'Conflict', message, detailsOf(def, name));
}

/** 422 for an object the server refuses, naming the field. */
export function invalid(def: ResourceDef, name: string, field: string, why: string): KubeStatus {
  return failure(422, 'Invalid', `${def.kind} "${name}" is invalid: ${field}: ${why}`, detailsOf(def, name));
}

/** 400 for a malformed request. */
export function badRequest(message: string): KubeStatus {
  return failure(400, 'BadRequest', message);
}

/** 405 for a verb the path does not take. */
export function methodNotAllowed(): KubeStatus {
  return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}

/** 415 for a patch type the simulator does not apply. */
export function unsupportedMediaType(contentType: string): KubeStatus {
  return failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format: ${contentType}`,
  );
}

/** 410 Expired: the requested resourceVersion has been compacted away; the client must relist. */
export function expired(requested: number, oldest: number): KubeStatus {
  return failure(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

/**
 * 410 for a resourceVersion the store has not reached: a client that outlived a simulator whose store
 * started afresh. (The apiserver waits, then answers 504 ResourceVersionTooLarge; 410 makes clients relist.)
 */
export function aheadOfStore(requested: number, current: number): KubeStatus {
  return failure(410, 'Expired', `too large resource version: ${requested}, current: ${current}`);
}

/** 401 when a bearer token is required and missing or wrong. */
export function unauthorized(): KubeStatus {
  return failure(401, 'Unauthorized', 'Unauthorized');
}
