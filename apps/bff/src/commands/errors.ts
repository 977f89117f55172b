import type { ErrorCode } from '@drivebay/api-types';

/** A failure the caller can act on; the HTTP layer maps its code to a status. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
