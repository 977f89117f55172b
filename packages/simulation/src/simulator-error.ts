import type { ErrorCode } from '@drivebay/api-types';

/** A fault request the simulator cannot carry out: an unknown drive, or the simulator not running. */
export class SimulatorError extends Error {
  constructor(
    readonly code: Extract<ErrorCode, 'NOT_FOUND' | 'UNAVAILABLE'>,
    message: string,
    /** The request field that named what does not exist. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SimulatorError';
  }
}
