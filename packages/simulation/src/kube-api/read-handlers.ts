import { isCompacted } from './change-history.js';
import { SelectorError } from './label-selector.js';
import { groupVersion } from './resources.js';
import { sendJson, TABLE_CONTENT_TYPE, wantsTable } from './respond.js';
import { describeIssues, type ListQuery, ListQuerySchema } from './schemas.js';
import { compileFilter } from './selectors.js';
import type { ResourceRequest } from './server-context.js';
import { aheadOfStore, badRequest, expired, KubeApiError, notFound } from './status.js';
import { type IncludeObject, toTable } from './table-printer.js';
import type { KubeObject } from './types.js';
import type { WatchEvent } from './watch-event.js';
import { WatchStream } from './watch-stream.js';

/** GET on one object. */
export function handleGet({ ctx, req, res, target, url }: ResourceRequest): void {
  const { def, namespace, name } = target;
  const object = ctx.store.get(def.plural, { name: name!, ...(namespace && { namespace }) });
  if (!object) throw new KubeApiError(notFound(def, name!));
  const rv = object.metadata.resourceVersion ?? '';
  if (wantsTable(req))
    sendJson(res, 200, toTable(def, [object], tableOptions(ctx.now(), rv, url)), TABLE_CONTENT_TYPE);
  else sendJson(res, 200, object);
}

/** GET on a collection: a list, or a watch when `watch` is set. */
export function handleCollection(request: ResourceRequest): void {
  const query = parseQuery(request.url);
  const matches = filterFor(request, query);
  const rv = query.resourceVersion ? Number(query.resourceVersion) : undefined;
  if (query.watch) openWatch(request, query, matches, rv);
  else sendList(request, matches, rv, query.resourceVersionMatch === 'Exact');
}

function sendList(
  { ctx, req, res, target, url }: ResourceRequest,
  matches: (object: KubeObject) => boolean,
  rv: number | undefined,
  exact: boolean,
): void {
  const { def } = target;
  // Only an Exact read names a past state; NotOlderThan (or none) is served from the newest one.
  if (rv && exact && rv > ctx.store.resourceVersion)
    throw new KubeApiError(aheadOfStore(rv, ctx.store.resourceVersion));
  const past = rv && exact ? ctx.store.listAt(def.plural, rv) : undefined;
  if (past && isCompacted(past)) throw new KubeApiError(expired(rv!, past.compactedTo));
  const items = (past ?? ctx.store.list(def.plural)).filter(matches);
  const listRv = String(past ? rv : ctx.store.resourceVersion);
  if (wantsTable(req)) {
    sendJson(res, 200, toTable(def, items, tableOptions(ctx.now(), listRv, url)), TABLE_CONTENT_TYPE);
    return;
  }
  const list = {
    kind: `${def.kind}List`,
    apiVersion: groupVersion(def),
    metadata: { resourceVersion: listRv },
    items,
  };
  sendJson(res, 200, list);
}

function openWatch(
  { ctx, req, res, target, url }: ResourceRequest,
  query: ListQuery,
  matches: (object: KubeObject) => boolean,
  since: number | undefined,
): void {
  const injected = ctx.faults.takeExpired();
  if (injected && !injected.inStream) throw new KubeApiError(expired(since ?? 0, ctx.store.compactedTo));
  const asTable = wantsTable(req);
  const encode = (event: WatchEvent): unknown => {
    if (!asTable || event.type === 'BOOKMARK' || event.type === 'ERROR') return event;
    const rv = event.object.metadata.resourceVersion ?? '';
    return {
      type: event.type,
      object: toTable(target.def, [event.object], tableOptions(ctx.now(), rv, url)),
    };
  };
  const stream = new WatchStream(
    res,
    ctx.store,
    {
      def: target.def,
      matches,
      since,
      bookmarkIntervalMs: query.allowWatchBookmarks ? ctx.bookmarkIntervalMs : undefined,
      timeoutMs: query.timeoutSeconds === undefined ? undefined : query.timeoutSeconds * 1000,
      contentType: asTable ? TABLE_CONTENT_TYPE : 'application/json',
      encode,
    },
    ctx.faults.stalled,
    () => ctx.watches.delete(stream),
  );
  ctx.watches.add(stream);
  stream.open(injected?.inStream === true);
}

function parseQuery(url: URL): ListQuery {
  const parsed = ListQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new KubeApiError(badRequest(describeIssues(parsed.error)));
  return parsed.data;
}

function filterFor({ target }: ResourceRequest, query: ListQuery): (object: KubeObject) => boolean {
  try {
    return compileFilter(target.def, {
      ...(target.namespace && { namespace: target.namespace }),
      ...(query.labelSelector !== undefined && { labelSelector: query.labelSelector }),
      ...(query.fieldSelector !== undefined && { fieldSelector: query.fieldSelector }),
    });
  } catch (error) {
    if (error instanceof SelectorError) throw new KubeApiError(badRequest(error.message));
    throw error;
  }
}

function tableOptions(now: number, resourceVersion: string, url: URL) {
  const include = url.searchParams.get('includeObject');
  const includeObject: IncludeObject = include === 'None' || include === 'Object' ? include : 'Metadata';
  return { now, resourceVersion, includeObject };
}
