import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** How the plugin reaches Drivebay: the keys of its Kubernetes Secret (like DriveScale's). */
export interface Credentials {
  /** The Drivebay URL, e.g. https://drivebay.example:8080 */
  server: string;
  /** An API token with write scope (dbt_tok-…); never logged. */
  token: string;
  /** PEM of the CA that signed Drivebay's certificate, when it is not a public one. */
  ca?: string | undefined;
}

/**
 * Reads the Secret as the kubelet mounts it: one file per key. Read on every use, so a rotated
 * token (the kubelet updates mounted Secrets in place) takes effect without a restart.
 */
export function readCredentials(secretDir: string): Credentials {
  const read = (key: string) => {
    const file = join(secretDir, key);
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
  };
  const server = read('server');
  const token = read('token');
  if (!server) throw new Error(`the Secret in ${secretDir} has no "server" key (the Drivebay URL)`);
  if (!token)
    throw new Error(`the Secret in ${secretDir} has no "token" key (a Drivebay API token with write scope)`);
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new Error(`the Secret's "server" is not a URL: expected e.g. https://drivebay.example:8080`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`the Secret's "server" must be an http:// or https:// URL`);
  return { server: url.origin, token, ca: read('ca.crt') };
}
