import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** Everything the process can be told, from flags first, then the environment, then defaults. */
export const ConfigSchema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  dataDir: z.string().min(1),
  scale: z.enum(['small', 'large']),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
  logLevel: z.enum(['info', 'warn', 'error', 'silent']),
  webRoot: z.string().min(1),
  rebuildRate: z.coerce.number().positive().max(1e12),
  retainEvents: z.coerce.number().int().min(1000).max(10_000_000),
  metricsIntervalSeconds: z.coerce.number().int().min(1).max(3600),
  kubeSimPort: z.coerce.number().int().min(0).max(65535),
  simulatedWorkloads: z.enum(['on', 'off'], { message: 'on or off' }).transform((v) => v === 'on'),
  sessionIdleMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  sessionMaxHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  lockoutFailures: z.coerce.number().int().min(1).max(10),
  lockoutMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  allowedOrigins: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).regex(/^[^/]+\/\/[^/]+$/, 'an origin has no path'))),
  tlsCert: z.string(),
  tlsKey: z.string(),
  kubeconfigs: z.array(z.string()),
  contexts: z.array(z.string()),
  inCluster: z.boolean(),
});
export type Config = z.infer<typeof ConfigSchema>;

const flags = {
  host: { type: 'string', env: 'HOST', fallback: '127.0.0.1', help: 'address to listen on' },
  port: { type: 'string', env: 'PORT', fallback: '8080', help: 'port to listen on (0 = any free port)' },
  'data-dir': { type: 'string', env: 'DATA_DIR', fallback: './data', help: 'where the SQLite store lives' },
  scale: { type: 'string', env: 'SCALE', fallback: 'small', help: 'simulated site: small | large' },
  seed: { type: 'string', env: 'SEED', fallback: '1', help: 'seed of the simulated site' },
  'log-level': { type: 'string', env: 'LOG_LEVEL', fallback: 'info', help: 'info | warn | error | silent' },
  'web-root': { type: 'string', env: 'WEB_ROOT', fallback: 'apps/web/dist', help: 'built web console' },
  'rebuild-rate': {
    type: 'string',
    env: 'REBUILD_RATE',
    fallback: '1000000000',
    help: 'simulated rebuild copy rate, bytes/s',
  },
  'retain-events': {
    type: 'string',
    env: 'RETAIN_EVENTS',
    fallback: '100000',
    help: 'newest events kept in the timeline; older ones are deleted',
  },
  'metrics-interval-seconds': {
    type: 'string',
    env: 'METRICS_INTERVAL_SECONDS',
    fallback: '60',
    help: 'how often capacity, allocations and the event rate are recorded for the charts (a week of samples is kept)',
  },
  'kube-sim-port': {
    type: 'string',
    env: 'KUBE_SIM_PORT',
    fallback: '0',
    help: 'port of the simulated Kubernetes API on loopback (0 = any free port; printed at start)',
  },
  'simulated-workloads': {
    type: 'string',
    env: 'SIMULATED_WORKLOADS',
    fallback: 'on',
    help: 'on: the simulated cluster runs its StatefulSets and Deployments on Drivebay volumes; off: nodes and storage classes only',
  },
  'session-idle-minutes': {
    type: 'string',
    env: 'SESSION_IDLE_MINUTES',
    fallback: '30',
    help: 'sign a session out after this long without a request',
  },
  'session-max-hours': {
    type: 'string',
    env: 'SESSION_MAX_HOURS',
    fallback: '8',
    help: 'sign a session out this long after sign-in, whatever the activity',
  },
  'lockout-failures': {
    type: 'string',
    env: 'LOCKOUT_FAILURES',
    fallback: '10',
    help: 'failed sign-ins in a row that lock an account (at most 10)',
  },
  'lockout-minutes': {
    type: 'string',
    env: 'LOCKOUT_MINUTES',
    fallback: '15',
    help: 'how long a lockout lasts',
  },
  'allowed-origins': {
    type: 'string',
    env: 'ALLOWED_ORIGINS',
    fallback: '',
    help: 'extra origins (scheme://host:port, comma-separated) allowed to call the API, e.g. behind a proxy',
  },
  'tls-cert': { type: 'string', env: 'TLS_CERT', fallback: '', help: 'PEM certificate file: serve HTTPS' },
  'tls-key': { type: 'string', env: 'TLS_KEY', fallback: '', help: 'PEM private key file for --tls-cert' },
} as const;

/** Which Kubernetes clusters to watch; sources/kubernetes/cluster-config.ts reads the files and checks the names. */
const kubernetesFlags = {
  kubeconfig: {
    type: 'string',
    multiple: true,
    env: 'KUBECONFIG',
    fallback: 'none',
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
    help: 'watch the cluster this pod runs in, with its service-account token (none of the three: the simulated cluster)',
  },
} as const;

/** A configuration mistake: the process prints it and exits instead of starting half-configured. */
export class ConfigError extends Error {}

/** Reads flags and environment; every bad value is named with what is allowed. */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(Object.entries(flags).map(([name, f]) => [name, { type: f.type }])),
        ...Object.fromEntries(
          Object.entries(kubernetesFlags).map(([name, f]) => [name, { type: f.type, multiple: f.multiple }]),
        ),
      },
      strict: true,
    }).values as Record<string, string | undefined>;
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\n${usage()}`);
  }
  const pick = (name: keyof typeof flags) => {
    const value = values[name];
    return typeof value === 'string' ? value : (env[flags[name].env] ?? flags[name].fallback);
  };
  const parsed = ConfigSchema.safeParse({
    host: pick('host'),
    port: pick('port'),
    dataDir: resolve(pick('data-dir')),
    scale: pick('scale'),
    seed: pick('seed'),
    logLevel: pick('log-level'),
    webRoot: resolve(pick('web-root')),
    rebuildRate: pick('rebuild-rate'),
    retainEvents: pick('retain-events'),
    metricsIntervalSeconds: pick('metrics-interval-seconds'),
    kubeSimPort: pick('kube-sim-port'),
    simulatedWorkloads: pick('simulated-workloads'),
    sessionIdleMinutes: pick('session-idle-minutes'),
    sessionMaxHours: pick('session-max-hours'),
    lockoutFailures: pick('lockout-failures'),
    lockoutMinutes: pick('lockout-minutes'),
    allowedOrigins: pick('allowed-origins'),
    tlsCert: pick('tls-cert'),
    tlsKey: pick('tls-key'),
    kubeconfigs: values.kubeconfig ?? [],
    contexts: values.context ?? [],
    inCluster: values['in-cluster'] ?? false,
  });
  if (parsed.success && (parsed.data.tlsCert === '') !== (parsed.data.tlsKey === '')) {
    throw new ConfigError(`--tls-cert and --tls-key: give both or neither\n${usage()}`);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? '');
    const flag = Object.keys(flags).find((f) => f.replace(/-./g, (m) => (m[1] ?? '').toUpperCase()) === name);
    throw new ConfigError(`--${flag ?? name}: ${issue?.message ?? 'invalid'}\n${usage()}`);
  }
  return parsed.data;
}

/** The flags and their environment variables, for --help and errors. */
export function usage(): string {
  const lines = Object.entries({ ...flags, ...kubernetesFlags }).map(
    ([name, f]) => `  --${name.padEnd(21)} ${f.env.padEnd(21)} ${f.help} (default ${f.fallback})`,
  );
  return `Usage: npm start -- [flags]\n  flag                    env var\n${lines.join('\n')}`;
}
