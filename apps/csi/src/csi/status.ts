import { status as GrpcStatus } from '@grpc/grpc-js';

/** The gRPC codes CSI prescribes, by name (the spec's tables speak in names). */
export type CsiCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'PERMISSION_DENIED'
  | 'RESOURCE_EXHAUSTED'
  | 'FAILED_PRECONDITION'
  | 'ABORTED'
  | 'OUT_OF_RANGE'
  | 'UNIMPLEMENTED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'DEADLINE_EXCEEDED'
  | 'UNAUTHENTICATED';

/** A CSI call's failure: the code the CO acts on and a message an operator can act on. */
export class CsiError extends Error {
  constructor(
    readonly code: CsiCode,
    message: string,
  ) {
    super(message);
    this.name = 'CsiError';
  }

  get grpcCode(): GrpcStatus {
    return GrpcStatus[this.code];
  }
}

export const invalid = (message: string) => new CsiError('INVALID_ARGUMENT', message);

/** A REQUIRED field the CO left empty: INVALID_ARGUMENT naming it, as every CSI call must. */
export function required<T>(value: T | null | undefined | '', field: string): T {
  if (value === undefined || value === null || value === '') throw invalid(`${field} is required`);
  return value;
}
