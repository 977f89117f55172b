import type { ErrorCode } from '@drivebay/api-types';

/** A failure the caller can act on; the HTTP layer maps its code to a status. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** An HTTP status other than the code's usual one (429 for a lockout). */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
