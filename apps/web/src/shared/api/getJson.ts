import type { Parser } from './parser';
import { parseBody, type RequestOptions, request } from './request';

/** GETs `path` and parses the JSON body with `schema`; errors become ApiError, a 401 also sends the user to sign in. */
export async function getJson<T>(
  path: string,
  schema: Parser<T>,
  signal?: AbortSignal,
  options: Omit<RequestOptions, 'signal'> = {},
): Promise<T> {
  const body = await request(path, { headers: { accept: 'application/json' } }, { ...options, signal });
  return parseBody(schema, body, path);
}
