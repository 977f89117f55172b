import { CSRF_HEADER, CSRF_VALUE } from '../../auth/csrf.js';
import type { AuthMode, FuzzCase } from './fuzz-cases.js';

/** The fuzz's own credentials on the app under test. */
export interface FuzzTarget {
  url: string;
  /** The admin's session cookie, "drivebay_session=…". */
  cookie: string;
  /** An admin API token with every scope. */
  token: string;
}

/** How the server answered one fuzz request; status 0 when the connection failed. */
export interface FuzzOutcome {
  request: FuzzCase;
  status: number;
  contentType: string;
  text: string;
}

const FOREIGN_ORIGIN = 'https://evil.example';

function authHeaders(auth: AuthMode, target: FuzzTarget): Record<string, string> {
  const csrf = { [CSRF_HEADER]: CSRF_VALUE };
  switch (auth) {
    case 'admin':
      return { ...csrf, cookie: target.cookie };
    case 'admin-token':
      return { authorization: `Bearer ${target.token}` };
    case 'anonymous':
      return csrf;
    case 'no-csrf':
      return { cookie: target.cookie };
    case 'foreign-origin':
      return { ...csrf, cookie: target.cookie, origin: FOREIGN_ORIGIN };
    case 'bogus-token':
      return { authorization: `Bearer dbt_tok-000000000000_${'A'.repeat(43)}` };
    case 'bogus-cookie':
      return { ...csrf, cookie: `drivebay_session=${'%'.repeat(20)}; drivebay_session=x` };
  }
}

/** Sends one fuzz request; the answer's text is kept for the checks (errors are far below the cap). */
export async function sendCase(request: FuzzCase, target: FuzzTarget): Promise<FuzzOutcome> {
  const headers: Record<string, string> = authHeaders(request.auth, target);
  const { body } = request;
  if (body?.contentType) headers['content-type'] = body.contentType;
  if (body?.contentEncoding) headers['content-encoding'] = body.contentEncoding;
  try {
    const response = await fetch(`${target.url}${request.path}`, {
      method: request.method,
      headers,
      ...(body ? { body: body.bytes } : {}),
    });
    const text = await response.text();
    return {
      request,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: text.slice(0, 100_000),
    };
  } catch (error) {
    return { request, status: 0, contentType: '', text: String(error) };
  }
}

/** Sends every request, `concurrency` at a time over keep-alive connections, answers in request order. */
export async function sendAll(
  requests: readonly FuzzCase[],
  target: FuzzTarget,
  concurrency: number,
): Promise<FuzzOutcome[]> {
  const outcomes: FuzzOutcome[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      outcomes[i] = await sendCase(requests[i]!, target);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}
