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

/** HTTP status that fits each code. */
export const httpStatusForCode: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  OUT_OF_RANGE: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  ABORTED: 409,
  FAILED_PRECONDITION: 412,
  RESOURCE_EXHAUSTED: 507,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};
