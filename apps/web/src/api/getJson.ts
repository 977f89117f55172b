import { ErrorBodySchema } from '@drivebay/api-types';
import { ApiError } from './apiError';
import { describeIssues, type Parser } from './parser';

/** GETs `path` and parses the JSON body with `schema`; errors become ApiError. */
export async function getJson<T>(path: string, schema: Parser<T>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('NETWORK', `Could not reach the Drivebay server (${path}).`, { cause });
  }
  const body = await readJson(response);
  if (!response.ok) throw errorFrom(response, body, path);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const where = describeIssues(parsed.error.issues);
    throw new ApiError(
      'BAD_RESPONSE',
      `The server's answer to ${path} did not match the expected shape${where}.`,
      {
        status: response.status,
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
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
  return new ApiError(
    response.status >= 500 ? 'UNAVAILABLE' : 'BAD_RESPONSE',
    `${path} answered ${status}.`,
    {
      status: response.status,
    },
  );
}
