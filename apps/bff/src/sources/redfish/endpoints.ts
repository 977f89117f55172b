import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../../config.js';
import type { Credentials } from './session.js';
import type { RedfishEndpoint } from './source.js';

/** Where a secret is read from: an environment variable or a file (a mounted Secret). Never inline. */
const SecretRefSchema = z.union([
  z.strictObject({ env: z.string().min(1) }),
  z.strictObject({ file: z.string().min(1) }),
]);

/** The --redfish-endpoints file: the services to follow, each with credentials by reference. */
const EndpointsFileSchema = z.strictObject({
  endpoints: z
    .array(
      z.strictObject({
        url: z.string().min(1),
        /** The user name may be written out; it is not a secret. */
        username: z.union([z.string().min(1), SecretRefSchema]).optional(),
        password: SecretRefSchema.optional(),
        /** A PEM CA bundle for this service, instead of --redfish-ca. */
        ca: z.string().min(1).optional(),
        insecure: z.boolean().optional(),
      }),
    )
    .min(1),
});

export interface EndpointFlags {
  /** --redfish, repeatable: credentials from REDFISH_USERNAME and REDFISH_PASSWORD(_FILE), if set. */
  urls: readonly string[];
  /** --redfish-endpoints: a JSON file (see docs/redfish.md). */
  file: string;
  /** --redfish-ca: the PEM CA bundle every service's certificate must chain to. */
  ca: string;
  /** --redfish-insecure: accept any certificate. */
  insecure: boolean;
}

export interface ResolvedEndpoints {
  endpoints: RedfishEndpoint[];
  /** Lines to print as warnings at start (insecure TLS, plain HTTP). */
  warnings: string[];
}

type ReadFile = (path: string) => string;
const readUtf8: ReadFile = (path) => readFileSync(path, 'utf8');

/**
 * The Redfish services the flags name, credentials read from where they point. Mistakes throw
 * ConfigError naming the flag or the file's entry, never a secret's value.
 */
export function resolveEndpoints(
  flags: EndpointFlags,
  env: NodeJS.ProcessEnv,
  readFile = readUtf8,
): ResolvedEndpoints {
  const warnings: string[] = [];
  const globalCa = flags.ca ? readPem(flags.ca, '--redfish-ca', readFile) : undefined;
  const endpoints: RedfishEndpoint[] = [];
  const envCredentials = credentialsFromEnv(env, readFile);
  for (const text of flags.urls) {
    const url = checkUrl(text, `--redfish ${text}`, warnings);
    endpoints.push({ url, credentials: envCredentials, tls: { ca: globalCa, insecure: flags.insecure } });
  }
  if (flags.file) {
    let json: unknown;
    try {
      json = JSON.parse(readFile(flags.file));
    } catch (error) {
      throw new ConfigError(
        `--redfish-endpoints ${flags.file}: ${error instanceof SyntaxError ? 'not JSON' : 'cannot be read'}`,
      );
    }
    const parsed = EndpointsFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? '';
      const hint = /password$/.test(where)
        ? ' (give {"env": "VAR"} or {"file": "/path"}; never the password itself)'
        : '';
      throw new ConfigError(
        `--redfish-endpoints ${flags.file}: ${where}: ${issue?.message ?? 'invalid'}${hint}`,
      );
    }
    parsed.data.endpoints.forEach((entry, i) => {
      const where = `--redfish-endpoints ${flags.file}: endpoints.${i}`;
      const url = checkUrl(entry.url, where, warnings);
      const ca = entry.ca ? readPem(entry.ca, `${where}.ca`, readFile) : globalCa;
      const insecure = entry.insecure ?? flags.insecure;
      if (entry.insecure) warnings.push(`${url}: TLS certificates are not verified (insecure: true)`);
      let credentials: Credentials | undefined;
      if (entry.username !== undefined || entry.password !== undefined) {
        if (entry.username === undefined || entry.password === undefined) {
          throw new ConfigError(`${where}: give both username and password, or neither`);
        }
        credentials = {
          username:
            typeof entry.username === 'string'
              ? entry.username
              : readSecret(entry.username, `${where}.username`, env, readFile),
          password: readSecret(entry.password, `${where}.password`, env, readFile),
        };
      }
      endpoints.push({ url, credentials, tls: { ca, insecure } });
    });
  }
  if (flags.insecure && endpoints.length > 0) {
    warnings.push(
      '--redfish-insecure: TLS certificates of Redfish services are not verified; anyone on the path can impersonate them',
    );
  }
  const seen = new Set<string>();
  for (const endpoint of endpoints) {
    if (seen.has(endpoint.url)) throw new ConfigError(`Redfish service ${endpoint.url} is named twice`);
    seen.add(endpoint.url);
  }
  return { endpoints, warnings };
}

function checkUrl(text: string, where: string, warnings: string[]): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`${where}: not a URL; give https://host[:port]`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`${where}: give an https:// URL`);
  if (url.username || url.password) {
    // Said without echoing the URL: it holds the credentials.
    throw new ConfigError(
      `${where.startsWith('--redfish ') ? '--redfish' : where}: credentials do not go in the URL; use --redfish-endpoints with a password reference`,
    );
  }
  if (url.search || url.hash) throw new ConfigError(`${where}: give the service's base URL, without query`);
  const base = `${url.origin}${url.pathname.replace(/\/redfish\/v1\/?$/, '').replace(/\/$/, '')}`;
  if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    warnings.push(`${base}: plain HTTP; credentials and inventory cross the network unencrypted`);
  }
  return base;
}

function credentialsFromEnv(env: NodeJS.ProcessEnv, readFile: ReadFile): Credentials | undefined {
  const username = env.REDFISH_USERNAME;
  const password = env.REDFISH_PASSWORD_FILE
    ? readSecret({ file: env.REDFISH_PASSWORD_FILE }, 'REDFISH_PASSWORD_FILE', env, readFile)
    : env.REDFISH_PASSWORD;
  if (!username && !password) return undefined;
  if (!username || !password)
    throw new ConfigError(
      'REDFISH_USERNAME and REDFISH_PASSWORD (or REDFISH_PASSWORD_FILE): give both or neither',
    );
  return { username, password };
}

function readSecret(
  ref: z.infer<typeof SecretRefSchema>,
  where: string,
  env: NodeJS.ProcessEnv,
  readFile: ReadFile,
): string {
  if ('env' in ref) {
    const value = env[ref.env];
    if (!value) throw new ConfigError(`${where}: environment variable ${ref.env} is not set`);
    return value;
  }
  try {
    const value = readFile(ref.file).replace(/\r?\n$/, '');
    if (!value) throw new Error('empty');
    return value;
  } catch {
    throw new ConfigError(`${where}: ${ref.file} cannot be read or is empty`);
  }
}

function readPem(path: string, where: string, readFile: ReadFile): string {
  let text: string;
  try {
    text = readFile(path);
  } catch {
    throw new ConfigError(`${where} ${path}: cannot be read`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----'))
    throw new ConfigError(`${where} ${path}: not a PEM certificate`);
  return text;
}
