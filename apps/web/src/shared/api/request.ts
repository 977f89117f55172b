import { ErrorBodySchema } from '@drivebay/api-types';
import { ApiError } from './apiError';
import { describeIssues, type Parser } from './parser';
import { reportUnauthorized } from './unauthorized';

/** The header the BFF requires on every mutating request (its CSRF defence). */
export const CSRF_HEADER = { 'X-Requested-With': 'drivebay' } as const;

export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * When false, a 401 is only thrown, not reported: for the calls where it is an answer
   * (checking the session, a wrong password) rather than a session that ended.
   */
  reportUnauthorized?: boolean;
}

/**
 * Sends one same-origin request and reads its JSON body (undefined when empty). A non-2xx
 * answer throws ApiError with the BFF's code, message and field; a 401 is also reported, so
 * the app can send the user to sign in.
 */
export async function request(
  path: string,
  init: RequestInit,
  options: RequestOptions = {},
): Promise<unknown> {
  const { signal } = options;
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin', signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('NETWORK', `Could not reach the Drivebay server (${path}).`, { cause });
  }
  const body = await readJson(response);
  if (response.ok) return body;
  if (response.status === 401 && options.reportUnauthorized !== false) reportUnauthorized();
  throw errorFrom(response, body, path);
}

/** `body` parsed with `schema`; a mismatch is a BAD_RESPONSE naming where. */
export function parseBody<T>(schema: Parser<T>, body: unknown, path: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const where = describeIssues(parsed.error.issues);
  throw new ApiError(
    'BAD_RESPONSE',
    `The server's answer to ${path} did not match the expected shape${where}.`,
    {
      cause: parsed.error,
    },
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return undefined;
  }
}

function errorFrom(response: Response, body: unknown, path: string): ApiError {
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, field } = parsed.data.error;
    return new ApiError(code, message, { status: response.status, field });
  }
  const status = `${response.status} ${response.statusText}`.trim();
  const code =
    response.status === 401 ? 'UNAUTHENTICATED' : response.status >= 500 ? 'UNAVAILABLE' : 'BAD_RESPONSE';
  return new ApiError(code, `${path} answered ${status}.`, { status: response.status });
}
