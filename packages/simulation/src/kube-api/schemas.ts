import { z } from 'zod';

const flag = z.enum(['1', 'true', '0', 'false']).transform((value) => value === '1' || value === 'true');

/** The query parameters of a list or watch that the simulator honours; others are ignored. */
export const ListQuerySchema = z.object({
  watch: flag.optional(),
  resourceVersion: z
    .string()
    .regex(/^\d*$/, 'resourceVersion: Invalid value: must be an unsigned integer')
    .optional(),
  resourceVersionMatch: z.enum(['Exact', 'NotOlderThan']).optional(),
  labelSelector: z.string().optional(),
  fieldSelector: z.string().optional(),
  timeoutSeconds: z.coerce.number().int().min(0).optional(),
  allowWatchBookmarks: flag.optional(),
  includeObject: z.enum(['None', 'Metadata', 'Object']).optional(),
});

/** A parsed list/watch query. */
export type ListQuery = z.infer<typeof ListQuerySchema>;

const labelMap = z.record(z.string(), z.string());

/** Metadata a client may send; server-owned fields are stripped or checked by the handlers. */
const MetadataBodySchema = z.looseObject({
  name: z.string().optional(),
  generateName: z.string().optional(),
  namespace: z.string().optional(),
  resourceVersion: z.string().optional(),
  labels: labelMap.optional(),
  annotations: labelMap.optional(),
});

/** A whole object in a create or replace body (and the result of a patch, checked again). */
export const ObjectBodySchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: MetadataBodySchema,
});

/** A parsed object body. */
export type ObjectBody = z.infer<typeof ObjectBodySchema>;

/** The body of a DELETE (meta/v1 DeleteOptions); only the grace period changes what happens. */
export const DeleteOptionsSchema = z.looseObject({
  gracePeriodSeconds: z.number().int().min(0).nullable().optional(),
});

const nullableLabelMap = z.record(z.string(), z.string().nullable()).nullable();

/** An RFC 7386 merge patch: an object whose nulls delete; labels and annotations must stay strings. */
export const MergePatchSchema = z.looseObject({
  metadata: z
    .looseObject({
      labels: nullableLabelMap.optional(),
      annotations: nullableLabelMap.optional(),
      resourceVersion: z.string().nullable().optional(),
    })
    .optional(),
});

/** The part of a zod failure a Status message can carry. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}
