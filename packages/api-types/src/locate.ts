import { z } from 'zod';
import { IdSchema } from './inventory.js';

/** What has a locate LED: a drive (its bay's LED) or an enclosure (its chassis LED). */
export const LocateKindSchema = z.enum(['drive', 'enclosure']);
export type LocateKind = z.infer<typeof LocateKindSchema>;

/**
 * A lit locate LED, as the console set it on the hardware: which one, since when and by whom.
 * Kept in the store, so that every replica and every browser shows the same blinking bays, and
 * so that a technician on the floor can be told who asked for it.
 */
export const LocateSchema = z.object({
  kind: LocateKindSchema,
  id: IdSchema,
  since: z.iso.datetime(),
  by: z.string(),
});
export type Locate = z.infer<typeof LocateSchema>;

/** `POST /api/v1/drives/:id/locate`, `POST /api/v1/enclosures/:id/locate`: light or clear it. */
export const LocateRequestSchema = z.object({ on: z.boolean() }).strict();
export type LocateRequest = z.infer<typeof LocateRequestSchema>;

/** The answer: the LED's state now; `changed` is false when it already was so (idempotent). */
export const LocateResultSchema = z.object({
  kind: LocateKindSchema,
  id: IdSchema,
  on: z.boolean(),
  changed: z.boolean(),
  locate: LocateSchema.nullable(),
});
export type LocateResult = z.infer<typeof LocateResultSchema>;

/** A locate record's id in the store and in deltas: `drive/<id>` or `enclosure/<id>`. */
export const locateId = (kind: LocateKind, id: string): string => `${kind}/${id}`;
