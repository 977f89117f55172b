import type { z } from 'zod';
import { CommandError } from '../commands/errors.js';
import { describeZodError } from './errors.js';

/** Parses request input with its schema; failure is a 400 naming the field and what is allowed. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  root: 'body' | 'query' | 'params' | 'headers',
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { field, message } = describeZodError(parsed.error, root);
  throw new CommandError('INVALID_ARGUMENT', message, field);
}
