import { z } from 'zod';

/** CSI-like error codes; every error leaving the BFF carries one. */
export const ErrorCodeSchema = z.enum([
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'RESOURCE_EXHAUSTED',
  'OUT_OF_RANGE',
  'FAILED_PRECONDITION',
  'ABORTED',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** The one error shape: `{ error: { code, message, field? } }`. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    /** Dotted path of the offending input field, when one is to blame. */
    field: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/**
 * HTTP status that fits each code, and so what a client should do. 4xx: retrying the same
 * request will not help until the caller or the state changes (RESOURCE_EXHAUSTED is 409 for that
 * reason: the site is full until something is freed; a 507 would be retried by clients that
 * retry 5xx). ABORTED (409, a lost race): retry at once. 429 (a lockout): retry after the time it
 * names. UNAVAILABLE (503): retry with backoff. INTERNAL (500): a bug; report it.
 */
export const httpStatusForCode: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  OUT_OF_RANGE: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  ABORTED: 409,
  FAILED_PRECONDITION: 412,
  RESOURCE_EXHAUSTED: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};
