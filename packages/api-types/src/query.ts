import { z } from 'zod';

/**
 * A whole number in a query string: digits only ("0x10", "1e3", " 5" are refused, not coerced),
 * within bounds, with a default when absent.
 */
export function queryWholeNumber(min: number, max: number, fallback: number) {
  return z
    .string()
    .regex(/^\d{1,15}$/, `a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((v) => v ?? fallback);
}
