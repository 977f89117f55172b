import type { JsonObject } from './json.js';

/** A resource's body as served, and the version its ETag is built from. */
export interface Resource {
  body: JsonObject;
  version: number;
}

/**
 * Finds the resource at a URI: undefined when there is none; throws a RedfishError when it
 * exists but cannot be served now (an unreachable enclosure's drives answer 503).
 */
export type ResolveResource = (path: string) => Resource | undefined;
