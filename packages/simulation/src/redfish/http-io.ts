import type { IncomingMessage, ServerResponse } from 'node:http';
import { malformedJson, payloadTooLarge, type RedfishError } from './errors.js';
import type { JsonObject } from './json.js';

/** Request bodies are small (a login, a PATCH of one property); anything bigger is refused. */
const MAX_BODY_BYTES = 64 * 1024;

/** The request body parsed as JSON; a body that is not JSON is a 400 MalformedJSON. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw payloadTooLarge();
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw malformedJson();
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: JsonObject,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, JSON.stringify(body), headers);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'odata-version': '4.0',
    'cache-control': 'no-cache',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: RedfishError): void {
  sendJson(res, error.status, error.body(), { ...error.headers });
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'odata-version': '4.0', ...headers });
  res.end();
}
