import type { IncomingMessage, ServerResponse } from 'node:http';

// Request and response plumbing of the simulated issuer.

/** What /.well-known/openid-configuration answers: code flow, S256 only, RS256 ID tokens. */
export function discoveryDocument(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/userinfo`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    scopes_supported: ['openid', 'profile', 'email', 'groups'],
    authorization_response_iss_parameter_supported: true,
  };
}

/** client_secret_basic or client_secret_post with the right secret; a public client names itself only. */
export function clientAuthenticated(
  authorization: string | undefined,
  body: URLSearchParams,
  client: { clientId: string; clientSecret?: string },
): boolean {
  const basic = basicCredentials(authorization);
  const id = basic?.id ?? body.get('client_id');
  const secret = basic?.secret ?? body.get('client_secret') ?? undefined;
  return id === client.clientId && secret === client.clientSecret;
}

export function registered(redirectUri: string, allowed: string[] | undefined): boolean {
  if (allowed) return allowed.includes(redirectUri);
  return URL.canParse(redirectUri) && /^https?:$/.test(new URL(redirectUri).protocol);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

export function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
}

/** client_secret_basic: both halves are form-urlencoded before base64 (RFC 6749 §2.3.1). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header ? /^Basic\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const unform = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
  try {
    return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}
