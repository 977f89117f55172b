import type { CapacityRange } from '../csi/messages.js';
import { CsiError, invalid } from '../csi/status.js';

const GIB = 1024 ** 3;
/** What CreateVolume composes when the CO names no size (the spec leaves it to the plugin). */
export const DEFAULT_VOLUME_BYTES = GIB;

/** A capacity range in bytes: required (> 0) and the limit, if any. */
export interface Range {
  requiredBytes: number;
  limitBytes: number | undefined;
}

/**
 * Reads CSI's capacity_range. int64 arrives as a decimal string; a volume's size fits in a
 * JavaScript number (2^53 bytes is 8 PiB), so larger values are OUT_OF_RANGE, never rounded.
 */
export function readCapacityRange(range: CapacityRange | null | undefined, field: string): Range {
  const required = bytesOf(range?.required_bytes ?? '0', `${field}.required_bytes`);
  const limit = bytesOf(range?.limit_bytes ?? '0', `${field}.limit_bytes`);
  if (limit > 0 && required > limit)
    throw invalid(`${field}: required_bytes (${required}) is larger than limit_bytes (${limit})`);
  const requiredBytes =
    required > 0 ? required : Math.min(DEFAULT_VOLUME_BYTES, limit || DEFAULT_VOLUME_BYTES);
  return { requiredBytes, limitBytes: limit > 0 ? limit : undefined };
}

function bytesOf(value: string, field: string): number {
  if (!/^-?\d+$/.test(value)) throw invalid(`${field} must be a whole number of bytes`);
  const big = BigInt(value);
  if (big < 0n) throw invalid(`${field} must not be negative`);
  if (big > BigInt(Number.MAX_SAFE_INTEGER))
    throw new CsiError('OUT_OF_RANGE', `${field} (${value}) is larger than any volume Drivebay composes`);
  return Number(big);
}
