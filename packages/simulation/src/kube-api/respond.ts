import type { IncomingMessage, ServerResponse } from 'node:http';
import { failure, KubeApiError } from './status.js';
import type { KubeStatus } from './types.js';

/** The content type of a Table answer, as the apiserver labels it. */
export const TABLE_CONTENT_TYPE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

/** Writes a JSON answer. */
export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  contentType = 'application/json',
): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Writes a Status answer with its own code as the HTTP status. */
export function sendStatus(res: ServerResponse, status: KubeStatus): void {
  sendJson(res, status.code, status);
}

/** True when the client prefers server-side printing (kubectl get asks for meta.k8s.io Table). */
export function wantsTable(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept.split(',').some((type) => type.includes('as=Table') && type.includes('g=meta.k8s.io'));
}

// The apiserver refuses bodies over 3 MiB; the simulator keeps the same limit.
const MAX_BODY = 3 * 1024 * 1024;

/** The request body as text; a body over the limit is a 413 Status. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY)
      throw new KubeApiError(failure(413, 'RequestEntityTooLarge', 'request entity too large'));
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
