import { ErrorBodySchema } from '@drivebay/api-types';

/** A JSON request against a test app; answers the status and the parsed body. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

/** The error of an error answer (fails the test if the body is not the error shape). */
export function errorOf(body: unknown) {
  return ErrorBodySchema.parse(body).error;
}
