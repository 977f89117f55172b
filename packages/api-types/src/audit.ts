import { z } from 'zod';
import { queryWholeNumber } from './query.js';

/**
 * ok: the change was made (or was already in place: idempotent repeats are recorded too);
 * denied: not signed in, not allowed, locked out or cross-site; rejected: bad input or a
 * refused request (4xx); error: the server failed (5xx).
 */
export const AuditResultSchema = z.enum(['ok', 'denied', 'rejected', 'error']);
export type AuditResult = z.infer<typeof AuditResultSchema>;

/** One mutation attempt: who, from where, what, on what, and how it ended. Never a secret. */
export const AuditRecordSchema = z.object({
  id: z.string(),
  at: z.string(),
  /** "user:alice", "token:tok-1a2b (alice)", "anonymous". */
  actor: z.string(),
  /** The client address. */
  ip: z.string(),
  /** "POST /api/v1/volumes", "socket topology:subscribe". */
  action: z.string(),
  /** What it acted on: "volume:pvc-data-0", "user:bob", when known. */
  target: z.string().optional(),
  result: AuditResultSchema,
  /** HTTP status of the answer; absent when the record was written with the change, before the answer. */
  status: z.number().int().optional(),
  /** The error code, or a short outcome note ("unchanged"). */
  detail: z.string().optional(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item)).optional();

/** GET /api/v1/audit: newest first, paged with `before`; `format=csv` downloads the matches as CSV. */
export const AuditQuerySchema = z
  .object({
    actor: z.string().max(200).optional(),
    /** Substring of the action, e.g. "volumes" or "DELETE". */
    action: z.string().max(200).optional(),
    target: z.string().max(200).optional(),
    result: commaList(AuditResultSchema),
    since: z.iso.datetime().optional(),
    until: z.iso.datetime().optional(),
    before: z.string().max(64).optional(),
    limit: queryWholeNumber(1, 10_000, 100),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  records: z.array(AuditRecordSchema),
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextBefore: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
