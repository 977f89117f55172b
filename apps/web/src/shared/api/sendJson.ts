import type { Parser } from './parser';
import { CSRF_HEADER, parseBody, type RequestOptions, request } from './request';

/** The methods that change something; each carries the CSRF header. */
export type MutatingMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface SendOptions<T> extends RequestOptions {
  /** Parses the answer; without it the answer is ignored (204s, or answers nobody reads). */
  schema?: Parser<T>;
}

/**
 * Sends a mutation with a JSON body (when given) and the CSRF header, and parses the answer
 * with `options.schema`. Errors become ApiError (`field` names the input to blame); a 401
 * also sends the user to sign in.
 */
export function sendJson<T>(
  method: MutatingMethod,
  path: string,
  body: unknown,
  options: SendOptions<T> & { schema: Parser<T> },
): Promise<T>;
export function sendJson(
  method: MutatingMethod,
  path: string,
  body?: unknown,
  options?: SendOptions<never>,
): Promise<void>;
export async function sendJson<T>(
  method: MutatingMethod,
  path: string,
  body?: unknown,
  options: SendOptions<T> = {},
): Promise<T | undefined> {
  const { schema, ...rest } = options;
  const headers: Record<string, string> = { accept: 'application/json', ...CSRF_HEADER };
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const answer = await request(path, init, rest);
  return schema ? parseBody(schema, answer, path) : undefined;
}
