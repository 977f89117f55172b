import http from 'node:http';
import https from 'node:https';
import { ErrorBodySchema } from '@drivebay/api-types';
import { type CsiCode, CsiError } from '../csi/status.js';
import type { Credentials } from './credentials.js';

/** Drivebay's error codes are CSI's own names; the few HTTP-only cases map to their gRPC kin. */
const CODE_BY_STATUS: Record<number, CsiCode> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  412: 'FAILED_PRECONDITION',
  429: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
};

export interface CallContext {
  /** The CSI RPC on whose behalf the request is made: Drivebay records it on the volume. */
  rpc: string;
  /** Abandon the request when the CO's call ends (deadline or cancel). */
  signal?: AbortSignal | undefined;
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * JSON over HTTP(S) to Drivebay with the Secret's token. Network failures are UNAVAILABLE (the CO
 * retries with backoff); Drivebay's `{error: {code, message}}` becomes a CsiError with that code.
 */
export class DrivebayHttp {
  private agent: { ca: string | undefined; agent: https.Agent } | undefined;

  constructor(private readonly credentials: () => Credentials) {}

  async request(method: string, path: string, body: unknown, context: CallContext): Promise<JsonResponse> {
    const credentials = this.credentials();
    const url = new URL(path, credentials.server);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const transport = url.protocol === 'https:' ? https : http;
    const response = await new Promise<JsonResponse>((resolve, reject) => {
      const request = transport.request(
        url,
        {
          method,
          headers: {
            authorization: `Bearer ${credentials.token}`,
            accept: 'application/json',
            'drivebay-csi-call': context.rpc,
            ...(payload && { 'content-type': 'application/json', 'content-length': payload.length }),
          },
          ...(url.protocol === 'https:' && { agent: this.httpsAgent(credentials.ca) }),
          signal: context.signal,
          timeout: 60_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // Not JSON (a proxy's error page): kept as text for the message below.
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
          res.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error('Drivebay did not answer within 60 s')));
      request.on('error', reject);
      request.end(payload);
    }).catch((error: unknown) => {
      if (context.signal?.aborted)
        throw new CsiError(
          'DEADLINE_EXCEEDED',
          `the call ended before Drivebay answered ${method} ${url.pathname}`,
        );
      throw new CsiError(
        'UNAVAILABLE',
        `Drivebay at ${credentials.server} is unreachable: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    if (response.status >= 200 && response.status < 300) return response;
    throw errorOf(response, `${method} ${url.pathname}`);
  }

  private httpsAgent(ca: string | undefined): https.Agent {
    if (this.agent?.ca !== ca || !this.agent)
      this.agent = { ca, agent: new https.Agent({ keepAlive: true, ...(ca && { ca }) }) };
    return this.agent.agent;
  }
}

function errorOf(response: JsonResponse, what: string): CsiError {
  const parsed = ErrorBodySchema.safeParse(response.body);
  if (parsed.success) {
    const { code, message } = parsed.data.error;
    // A 429 is a sign-in lockout, not the site being full.
    return new CsiError(response.status === 429 ? 'UNAVAILABLE' : code, message);
  }
  const code = CODE_BY_STATUS[response.status] ?? (response.status >= 500 ? 'UNAVAILABLE' : 'INTERNAL');
  return new CsiError(code, `Drivebay answered ${what} with HTTP ${response.status}`);
}
