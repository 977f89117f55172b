import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './log.js';
import { isEtcdPrefix, parseStoreChoice, type StoreChoice } from './store/store-choice.js';

/** A whole number written as digits only: "0x10", "1e3" or " 12" are not numbers here. */
const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

const oneOf = <T extends string>(...values: [T, ...T[]]) => z.enum(values);

/**
 * Every flag: its environment variable, default, help, how its text is read, and what is allowed
 * (said in an error). Flags win over environment variables, which win over defaults.
 */
const flags = {
  host: {
    env: 'HOST',
    fallback: '127.0.0.1',
    help: 'address to listen on',
    schema: z.string().min(1),
    allowed: 'an address to listen on, e.g. 127.0.0.1 or 0.0.0.0',
  },
  port: {
    env: 'PORT',
    fallback: '8080',
    help: 'port to listen on; 0: any free port',
    schema: wholeNumber(0, 65535),
    allowed: 'a port number from 0 to 65535 (0: any free port)',
  },
  'metrics-listen': {
    env: 'METRICS_LISTEN',
    fallback: '',
    help: 'also serve /metrics without authentication on host:port, for a scraper in the cluster; empty: only on the console port, with a read token',
    schema: z.union([
      z.literal('').transform(() => undefined),
      z
        .string()
        .regex(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/)
        .transform((text) => {
          const at = text.lastIndexOf(':');
          return { host: text.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(text.slice(at + 1)) };
        })
        .pipe(z.object({ host: z.string().min(1), port: z.number().int().min(0).max(65535) })),
    ]),
    allowed: 'host:port, e.g. 0.0.0.0:9090 or [::]:9090, or empty',
  },
  'data-dir': {
    env: 'DATA_DIR',
    fallback: './data',
    help: 'where the SQLite store lives',
    schema: z.string().min(1),
    allowed: 'a directory path',
  },
  scale: {
    env: 'SCALE',
    fallback: 'small',
    help: 'simulated site: small | large',
    schema: oneOf('small', 'large'),
    allowed: 'small or large',
  },
  seed: {
    env: 'SEED',
    fallback: '1',
    help: 'seed of the simulated site',
    schema: wholeNumber(0, 2 ** 31),
    allowed: `a whole number from 0 to ${2 ** 31}`,
  },
  'log-level': {
    env: 'LOG_LEVEL',
    fallback: 'info',
    help: 'debug | info | warn | error | silent; a line per API request at info, also per console file, probe and scrape at debug; JSON lines on stdout, pretty on a terminal',
    schema: oneOf(...LOG_LEVELS),
    allowed: 'debug, info, warn, error or silent',
  },
  'web-root': {
    env: 'WEB_ROOT',
    fallback: 'apps/web/dist',
    help: 'built web console',
    schema: z.string().min(1),
    allowed: 'a directory path',
  },
  'rebuild-rate': {
    env: 'REBUILD_RATE',
    fallback: '1000000000',
    help: 'simulated rebuild copy rate, bytes/s',
    schema: wholeNumber(1, 1e12),
    allowed: 'bytes per second, a whole number from 1 to 1000000000000',
  },
  'retain-events': {
    env: 'RETAIN_EVENTS',
    fallback: '100000',
    help: 'newest events kept in the timeline; older ones are deleted',
    schema: wholeNumber(1000, 10_000_000),
    allowed: 'a whole number from 1000 to 10000000',
  },
  'metrics-interval-seconds': {
    env: 'METRICS_INTERVAL_SECONDS',
    fallback: '60',
    help: 'how often capacity, allocations and the event rate are recorded; a week is kept',
    schema: wholeNumber(1, 3600),
    allowed: 'seconds, from 1 to 3600',
  },
  'kube-sim-port': {
    env: 'KUBE_SIM_PORT',
    fallback: '0',
    help: 'port of the simulated Kubernetes API on loopback; 0: any free port',
    schema: wholeNumber(0, 65535),
    allowed: 'a port number from 0 to 65535 (0: any free port)',
  },
  'simulated-workloads': {
    env: 'SIMULATED_WORKLOADS',
    fallback: 'on',
    help: 'off: the simulated cluster has nodes and storage classes but runs no workloads',
    schema: oneOf('on', 'off'),
    allowed: 'on or off',
  },
  'session-idle-minutes': {
    env: 'SESSION_IDLE_MINUTES',
    fallback: '30',
    help: 'sign a session out after this long without a request',
    schema: wholeNumber(1, 24 * 60),
    allowed: `minutes, from 1 to ${24 * 60}`,
  },
  'session-max-hours': {
    env: 'SESSION_MAX_HOURS',
    fallback: '8',
    help: 'sign a session out this long after sign-in, whatever the activity',
    schema: wholeNumber(1, 24 * 30),
    allowed: `hours, from 1 to ${24 * 30}`,
  },
  'lockout-failures': {
    env: 'LOCKOUT_FAILURES',
    fallback: '10',
    help: 'failed sign-ins in a row that lock an account, at most 10',
    schema: wholeNumber(1, 10),
    allowed: 'a whole number from 1 to 10',
  },
  'lockout-minutes': {
    env: 'LOCKOUT_MINUTES',
    fallback: '15',
    help: 'how long a lockout lasts, and the per-address window',
    schema: wholeNumber(1, 24 * 60),
    allowed: `minutes, from 1 to ${24 * 60}`,
  },
  'allowed-origins': {
    env: 'ALLOWED_ORIGINS',
    fallback: '',
    help: 'extra origins (https://host:port, comma-separated) allowed to call the API',
    schema: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ protocol: /^https?$/ }).regex(/^[^/]+\/\/[^/]+$/))),
    allowed: 'comma-separated origins like https://console.example.com:8443 (scheme, host, port; no path)',
  },
  'tls-cert': {
    env: 'TLS_CERT',
    fallback: '',
    help: 'PEM certificate file: serve HTTPS',
    schema: z.string(),
    allowed: 'a PEM file path',
  },
  'redfish-poll-interval': {
    env: 'REDFISH_POLL_INTERVAL',
    fallback: '30',
    help: 'seconds between polls of a Redfish service without SSE (and liveness checks with it)',
    schema: wholeNumber(1, 3600),
    allowed: 'seconds, from 1 to 3600',
  },
  'tls-key': {
    env: 'TLS_KEY',
    fallback: '',
    help: 'PEM private key file for --tls-cert',
    schema: z.string(),
    allowed: 'a PEM file path',
  },
  store: {
    env: 'DRIVEBAY_STORE',
    fallback: 'sqlite',
    help: 'state store: sqlite (in --data-dir) | etcd://host:2379[,host2:2379…] (several replicas)',
    schema: z.string().transform((text, context): StoreChoice => {
      const choice = parseStoreChoice(text);
      if (choice) return choice;
      context.addIssue({ code: 'custom', message: 'not a store' });
      return z.NEVER;
    }),
    allowed:
      'sqlite, or etcd:// and comma-separated host:port of etcd members, e.g. etcd://10.0.0.1:2379,10.0.0.2:2379',
  },
  'etcd-prefix': {
    env: 'DRIVEBAY_ETCD_PREFIX',
    fallback: '/drivebay/',
    help: 'etcd key prefix of this site; sites sharing an etcd cluster need prefixes that do not nest',
    schema: z.string().refine(isEtcdPrefix),
    allowed: "a key prefix ending in '/', e.g. /drivebay/site-a/",
  },
  // DRIVEBAY_ in front: etcd itself reads ETCD_* variables as its flags.
  'etcd-ca': {
    env: 'DRIVEBAY_ETCD_CA',
    fallback: '',
    help: 'PEM file of the CA that signed the etcd members’ certificates: talk to etcd over TLS',
    schema: z.string(),
    allowed: 'a PEM file path',
  },
  'etcd-cert': {
    env: 'DRIVEBAY_ETCD_CERT',
    fallback: '',
    help: 'PEM client certificate for etcd (with --etcd-key)',
    schema: z.string(),
    allowed: 'a PEM file path',
  },
  'etcd-key': {
    env: 'DRIVEBAY_ETCD_KEY',
    fallback: '',
    help: 'PEM private key of --etcd-cert',
    schema: z.string(),
    allowed: 'a PEM file path',
  },
} as const;

/** Which Kubernetes clusters to watch; sources/kubernetes/cluster-config.ts reads the files and checks the names. */
const kubernetesFlags = {
  kubeconfig: {
    type: 'string',
    multiple: true,
    env: 'KUBECONFIG',
    fallback: '',
    help: 'kubeconfig file to watch clusters from, repeatable; else the KUBECONFIG path list',
  },
  context: {
    type: 'string',
    multiple: true,
    env: '',
    fallback: 'current-context',
    help: 'kubeconfig context to watch, repeatable',
  },
  'in-cluster': {
    type: 'boolean',
    multiple: false,
    env: '',
    fallback: 'only in a pod, without kubeconfig',
    help: 'watch the cluster this pod runs in; none of the three: the simulated cluster',
  },
} as const;

/** Which Redfish services to follow; sources/redfish/endpoints.ts reads the files and credentials. */
const redfishFlags = {
  redfish: {
    type: 'string',
    multiple: true,
    env: '',
    fallback: '',
    help: 'Redfish service (https://enclosure-manager) to take hardware from, repeatable; credentials from REDFISH_USERNAME, REDFISH_PASSWORD(_FILE)',
  },
  'redfish-endpoints': {
    type: 'string',
    multiple: false,
    env: 'REDFISH_ENDPOINTS',
    fallback: '',
    help: 'JSON file listing Redfish services, credentials by reference (docs/redfish.md)',
  },
  'redfish-ca': {
    type: 'string',
    multiple: false,
    env: 'REDFISH_CA',
    fallback: '',
    help: "PEM CA bundle Redfish services' certificates must chain to",
  },
  'redfish-insecure': {
    type: 'boolean',
    multiple: false,
    env: '',
    fallback: '',
    help: "do not verify Redfish services' certificates (printed as a warning)",
  },
} as const;

type FlagName = keyof typeof flags;
type Parsed<N extends FlagName> = z.output<(typeof flags)[N]['schema']>;

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  scale: 'small' | 'large';
  seed: number;
  logLevel: LogLevel;
  webRoot: string;
  rebuildRate: number;
  retainEvents: number;
  metricsIntervalSeconds: number;
  kubeSimPort: number;
  metricsListen: { host: string; port: number } | undefined;
  simulatedWorkloads: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  lockoutFailures: number;
  lockoutMinutes: number;
  allowedOrigins: string[];
  tlsCert: string;
  tlsKey: string;
  kubeconfigs: string[];
  contexts: string[];
  inCluster: boolean;
  store: StoreConfig;
  /** --redfish URLs; with --redfish-endpoints, the hardware comes from Redfish instead of the simulator. */
  redfish: string[];
  redfishEndpoints: string;
  redfishCa: string;
  redfishInsecure: boolean;
  redfishPollIntervalSeconds: number;
}

/** The store to open: SQLite in the data dir, or a site on an etcd cluster (PEM file paths for TLS). */
export type StoreConfig =
  | { kind: 'sqlite' }
  | { kind: 'etcd'; endpoints: string[]; prefix: string; tls?: { ca: string; cert: string; key: string } };

/** A configuration mistake: the process prints it and exits instead of starting half-configured. */
export class ConfigError extends Error {}

/** How to ask for the flags, said after every configuration mistake. */
const SEE_HELP = 'see `npm start -- --help`';

/**
 * Reads flags and environment. A bad value stops here with one line that says what was given,
 * where (the flag, or the environment variable), and what is allowed.
 */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(Object.keys(flags).map((name) => [name, { type: 'string' as const }])),
        ...Object.fromEntries(
          Object.entries({ ...kubernetesFlags, ...redfishFlags }).map(([name, f]) => [
            name,
            { type: f.type, multiple: f.multiple },
          ]),
        ),
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new ConfigError(`${plainParseError(error)}; ${SEE_HELP}`);
  }
  const read = <N extends FlagName>(name: N): Parsed<N> => {
    const flag = flags[name];
    const given = values[name];
    const fromFlag = typeof given === 'string';
    const fromEnv = !fromFlag && env[flag.env] !== undefined;
    const text = fromFlag ? given : fromEnv ? (env[flag.env] ?? '') : flag.fallback;
    const parsed = flag.schema.safeParse(text);
    if (parsed.success) return parsed.data as Parsed<N>;
    const where = fromFlag
      ? `--${name} ${JSON.stringify(text)}`
      : `${flag.env}=${JSON.stringify(text)} (environment)`;
    throw new ConfigError(`${where}: not allowed; give ${flag.allowed}; ${SEE_HELP}`);
  };
  const config: Config = {
    host: read('host'),
    port: read('port'),
    dataDir: resolve(read('data-dir')),
    scale: read('scale'),
    seed: read('seed'),
    logLevel: read('log-level'),
    webRoot: resolve(read('web-root')),
    rebuildRate: read('rebuild-rate'),
    retainEvents: read('retain-events'),
    metricsIntervalSeconds: read('metrics-interval-seconds'),
    kubeSimPort: read('kube-sim-port'),
    metricsListen: read('metrics-listen'),
    simulatedWorkloads: read('simulated-workloads') === 'on',
    sessionIdleMinutes: read('session-idle-minutes'),
    sessionMaxHours: read('session-max-hours'),
    lockoutFailures: read('lockout-failures'),
    lockoutMinutes: read('lockout-minutes'),
    allowedOrigins: read('allowed-origins'),
    tlsCert: read('tls-cert'),
    tlsKey: read('tls-key'),
    kubeconfigs: stringsOf(values.kubeconfig),
    contexts: stringsOf(values.context),
    inCluster: values['in-cluster'] === true,
    store: storeConfig(read('store'), {
      prefix: read('etcd-prefix'),
      ca: read('etcd-ca'),
      cert: read('etcd-cert'),
      key: read('etcd-key'),
    }),
    redfish: stringsOf(values.redfish),
    redfishEndpoints: stringOf(values['redfish-endpoints']) ?? env.REDFISH_ENDPOINTS ?? '',
    redfishCa: stringOf(values['redfish-ca']) ?? env.REDFISH_CA ?? '',
    redfishInsecure: values['redfish-insecure'] === true,
    redfishPollIntervalSeconds: read('redfish-poll-interval'),
  };
  if ((config.tlsCert === '') !== (config.tlsKey === '')) {
    throw new ConfigError(`--tls-cert and --tls-key: give both or neither; ${SEE_HELP}`);
  }
  return config;
}

/** The store flags together: TLS files only with etcd, a client certificate only with its key. */
function storeConfig(
  choice: StoreChoice,
  etcd: { prefix: string; ca: string; cert: string; key: string },
): StoreConfig {
  if (choice.kind === 'sqlite') {
    const stray = (['ca', 'cert', 'key'] as const).find((name) => etcd[name] !== '');
    if (stray) throw new ConfigError(`--etcd-${stray}: only with --store etcd://…; ${SEE_HELP}`);
    return choice;
  }
  if ((etcd.cert === '') !== (etcd.key === '')) {
    throw new ConfigError(`--etcd-cert and --etcd-key: give both or neither; ${SEE_HELP}`);
  }
  if (etcd.cert !== '' && etcd.ca === '') {
    throw new ConfigError(`--etcd-cert: needs --etcd-ca (the CA of the etcd members); ${SEE_HELP}`);
  }
  const tls = etcd.ca === '' ? {} : { tls: { ca: etcd.ca, cert: etcd.cert, key: etcd.key } };
  return { ...choice, prefix: etcd.prefix, ...tls };
}

function stringOf(value: string | boolean | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function stringsOf(value: string | boolean | string[] | undefined): string[] {
  return Array.isArray(value) ? value : [];
}

/** node:util's parse errors, said the way the rest are ("--colour: no such flag"). */
function plainParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `${unknown[1]}: no such flag`;
  const missing = /Option '(--[^ ']+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]}: needs a value`;
  const boolean = /Option '(--[^ ']+)' does not take an argument/.exec(message);
  if (boolean) return `${boolean[1]}: takes no value`;
  const ambiguous = /Option '(--[^ ']+)' argument is ambiguous/.exec(message);
  if (ambiguous) return `${ambiguous[1]}: a value starting with "-" is written ${ambiguous[1]}=<value>`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `${positional[1]}: not a flag (flags start with --)`;
  return message.split('\n')[0] ?? message;
}

/** The flags, their environment variables and defaults, in aligned columns, for --help. */
export function usage(): string {
  const rows = Object.entries({ ...flags, ...kubernetesFlags, ...redfishFlags }).map(([name, f]) => ({
    flag: `--${name}`,
    env: f.env,
    help: f.fallback === '' ? f.help : `${f.help} (default: ${f.fallback})`,
  }));
  const flagWidth = Math.max(...rows.map((r) => r.flag.length), 'flag'.length) + 2;
  const envWidth = Math.max(...rows.map((r) => r.env.length), 'env var'.length) + 2;
  const line = (flag: string, env: string, help: string) =>
    `  ${flag.padEnd(flagWidth)}${env.padEnd(envWidth)}${help}`.trimEnd();
  return [
    'Usage: npm start -- [flags]',
    '',
    line('flag', 'env var', 'meaning'),
    ...rows.map((r) => line(r.flag, r.env, r.help)),
    '',
    'Flags win over environment variables. OpenID Connect sign-in is configured by OIDC_* variables (see the README).',
  ].join('\n');
}
