import { RedfishError } from './errors.js';
import { type Json, type JsonObject, refTarget } from './json.js';
import type { Expand, RedfishQuery } from './query.js';
import type { ResolveResource, Resource } from './resource.js';

/** How big one collection page may get: members, and resources once expanded. */
export interface PageLimits {
  /** Most members on one page. */
  pageSize: number;
  /**
   * Most resources one expanded page renders (a member counts with everything expanded into
   * it): an enclosure of 102 drives costs 104, so pages of enclosures stay a bounded size.
   * A page holds at least one member whatever it costs.
   */
  expandBudget: number;
}

/** A response body and the newest version of anything in it (its ETag). */
export interface Rendered {
  body: JsonObject;
  version: number;
}

/** What an expansion visited: how many resources it rendered and the newest version among them. */
interface Tally {
  resources: number;
  version: number;
}

/** Renders a resource as asked: a collection paged, references expanded. */
export function render(
  path: string,
  resource: Resource,
  query: RedfishQuery,
  limits: PageLimits,
  resolve: ResolveResource,
): Rendered {
  const tally: Tally = { resources: 1, version: resource.version };
  const members = resource.body.Members;
  if (Array.isArray(members)) return renderPage(path, resource.body, members, query, limits, resolve, tally);
  const body = query.expand
    ? expandObject(resource.body, query.expand, false, resolve, tally)
    : resource.body;
  return { body, version: tally.version };
}

function renderPage(
  path: string,
  collection: JsonObject,
  members: readonly Json[],
  query: RedfishQuery,
  limits: PageLimits,
  resolve: ResolveResource,
  tally: Tally,
): Rendered {
  const end = query.top === undefined ? members.length : Math.min(members.length, query.skip + query.top);
  const page: Json[] = [];
  let next = query.skip;
  for (; next < end && page.length < limits.pageSize; next++) {
    if (page.length > 0 && tally.resources >= limits.expandBudget) break;
    const member = members[next] as Json;
    page.push(query.expand ? expandValue(member, query.expand, false, resolve, tally) : member);
  }
  const body: JsonObject = { ...collection, 'Members@odata.count': members.length, Members: page };
  if (next < end) body['Members@odata.nextLink'] = nextLink(path, next, end, query);
  return { body, version: tally.version };
}

function nextLink(path: string, skip: number, end: number, query: RedfishQuery): string {
  const top = query.top === undefined ? '' : `&$top=${end - skip}`;
  // `*($levels=2)` is legal in a query as it stands (RFC 3986 sub-delims), and reads as sent.
  const expand = query.expandText === undefined ? '' : `&$expand=${query.expandText}`;
  return `${path}?$skip=${skip}${top}${expand}`;
}

function expandValue(
  value: Json,
  expand: Expand,
  inLinks: boolean,
  resolve: ResolveResource,
  tally: Tally,
): Json {
  const target = refTarget(value);
  if (target !== undefined) {
    if (!expands(expand, inLinks)) return value;
    const resource = tryResolve(target, resolve);
    if (!resource) return value;
    tally.resources++;
    tally.version = Math.max(tally.version, resource.version);
    const inner = { mode: expand.mode, levels: expand.levels - 1 };
    return inner.levels > 0 ? expandObject(resource.body, inner, false, resolve, tally) : resource.body;
  }
  if (Array.isArray(value)) return value.map((v) => expandValue(v, expand, inLinks, resolve, tally));
  if (typeof value === 'object' && value !== null)
    return expandObject(value, expand, inLinks, resolve, tally);
  return value;
}

function expandObject(
  object: JsonObject,
  expand: Expand,
  inLinks: boolean,
  resolve: ResolveResource,
  tally: Tally,
): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue;
    out[key] = expandValue(value, expand, inLinks || key === 'Links', resolve, tally);
  }
  return out;
}

function expands(expand: Expand, inLinks: boolean): boolean {
  return expand.mode === 'all' || (expand.mode === 'links') === inLinks;
}

/** A reference that cannot be read now (an unreachable enclosure's drive) stays a reference. */
function tryResolve(path: string, resolve: ResolveResource): Resource | undefined {
  try {
    return resolve(path);
  } catch (error) {
    if (error instanceof RedfishError) return undefined;
    throw error;
  }
}
