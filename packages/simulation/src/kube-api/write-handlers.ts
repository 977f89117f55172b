import type { z } from 'zod';
import { gracePeriodFor } from './graceful-delete.js';
import { applyJsonPatch, type JsonPatch, JsonPatchError, JsonPatchSchema } from './json-patch.js';
import { applyMergePatch } from './merge-patch.js';
import { readBody, sendJson } from './respond.js';
import {
  DeleteOptionsSchema,
  describeIssues,
  MergePatchSchema,
  type ObjectBody,
  ObjectBodySchema,
} from './schemas.js';
import type { ResourceRequest } from './server-context.js';
import { badRequest, failure, KubeApiError, notFound, unsupportedMediaType } from './status.js';
import type { KubeObjectInput, ObjectRef } from './types.js';

/** POST on a collection: create (events from a podwatcher, objects from kubectl create). */
export async function handleCreate({ ctx, req, res, target }: ResourceRequest): Promise<void> {
  const { def, namespace } = target;
  const body = checkKind(def.kind, parse(ObjectBodySchema, await readJson(req)));
  if (namespace && body.metadata.namespace && body.metadata.namespace !== namespace)
    throw new KubeApiError(
      badRequest('the namespace of the provided object does not match the namespace sent on the request'),
    );
  // Identity and history are the server's to assign, whatever the client sent.
  const { uid: _uid, resourceVersion: _rv, creationTimestamp: _created, ...metadata } = body.metadata;
  const input: KubeObjectInput = { ...body, metadata: { ...metadata, ...(namespace && { namespace }) } };
  sendJson(res, 201, ctx.store.create(def.plural, input));
}

/** PUT on an object: replace, with the resourceVersion in the body as the optimistic-concurrency guard. */
export async function handleReplace({ ctx, req, res, target }: ResourceRequest): Promise<void> {
  const body = checkKind(target.def.kind, parse(ObjectBodySchema, await readJson(req)));
  sendJson(res, 200, ctx.store.update(target.def.plural, refOf(target), body));
}

// kubectl annotate/label send merge patches; strategic merge differs only for lists, which the
// simulator merges like a merge patch (replacing them). client-node's patch methods default to JSON patch.
const MERGE_TYPES = ['application/merge-patch+json', 'application/strategic-merge-patch+json'];
const JSON_PATCH = 'application/json-patch+json';

/** PATCH on an object (merge or JSON patch); the patched object is validated again before it is stored. */
export async function handlePatch({ ctx, req, res, target }: ResourceRequest): Promise<void> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const isMerge = MERGE_TYPES.includes(contentType);
  if (!isMerge && contentType !== JSON_PATCH) throw new KubeApiError(unsupportedMediaType(contentType));
  const body = await readJson(req);
  const apply = isMerge
    ? (current: unknown) => applyMergePatch(current, parse(MergePatchSchema, body))
    : (current: unknown) => applyJson(current, parse(JsonPatchSchema, body));
  const updated = ctx.store.update(target.def.plural, refOf(target), (current) =>
    parse(ObjectBodySchema, apply(current)),
  );
  sendJson(res, 200, updated);
}

function applyJson(current: unknown, patch: JsonPatch): unknown {
  try {
    return applyJsonPatch(current, patch);
  } catch (error) {
    if (error instanceof JsonPatchError)
      throw new KubeApiError(failure(422, 'Invalid', `the server rejected our request: ${error.message}`));
    throw error;
  }
}

/**
 * DELETE on an object: a pod on a node starts terminating (its kubelet finishes the deletion),
 * anything else goes at once; either way the answer is the object's last state.
 */
export async function handleDelete({ ctx, req, res, target, url }: ResourceRequest): Promise<void> {
  const text = await readBody(req);
  const options = parse(DeleteOptionsSchema, text.trim() ? parseJson(text) : {});
  const query = url.searchParams.get('gracePeriodSeconds');
  const requested = query === null ? (options.gracePeriodSeconds ?? undefined) : Number(query);
  if (requested !== undefined && !(Number.isInteger(requested) && requested >= 0))
    throw new KubeApiError(badRequest(`gracePeriodSeconds must be a whole number of seconds, not ${query}`));
  const ref = refOf(target);
  const current = ctx.store.get(target.def.plural, ref);
  if (!current) throw new KubeApiError(notFound(target.def, ref.name));
  const grace = gracePeriodFor(target.def, current, requested);
  sendJson(res, 200, ctx.store.beginDelete(target.def.plural, ref, grace));
}

function refOf(target: ResourceRequest['target']): ObjectRef {
  return { name: target.name!, ...(target.namespace && { namespace: target.namespace }) };
}

function checkKind(kind: string, body: ObjectBody): ObjectBody & KubeObjectInput {
  if (body.kind && body.kind !== kind)
    throw new KubeApiError(
      badRequest(`the kind of the object (${body.kind}) does not match the resource (${kind})`),
    );
  return body;
}

async function readJson(req: ResourceRequest['req']): Promise<unknown> {
  return parseJson(await readBody(req));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new KubeApiError(badRequest(`the body of the request is not valid JSON: ${text.slice(0, 80)}`));
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new KubeApiError(badRequest(describeIssues(parsed.error)));
  return parsed.data;
}
