import type { ErrorCode } from '@drivebay/api-types';

/** A failed API call, carrying the BFF's error code when it sent one. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK' | 'BAD_RESPONSE';
  readonly status: number | undefined;
  readonly field: string | undefined;

  constructor(
    code: ApiError['code'],
    message: string,
    details: { status?: number; field?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'ApiError';
    this.code = code;
    this.status = details.status;
    this.field = details.field;
  }
}

/** Whether retrying the same request could help (network trouble or a 5xx, not a 4xx). */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === undefined || error.status >= 500;
}

/** A message fit for the screen, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
