import { ErrorBodySchema } from '@drivebay/api-types';
import type { Client } from './clients.js';

/** A JSON request of a signed-in client against a test app; answers the status and the parsed body. */
export async function call(
  client: Client,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await client.fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** The error of an error answer (fails the test if the body is not the error shape). */
export function errorOf(body: unknown) {
  return ErrorBodySchema.parse(body).error;
}
