import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { IdSchema } from '@drivebay/api-types';
import type { PluginMode } from './driver.js';

export const USAGE = `drivebay-csi: Drivebay's CSI plugin (driver csi.drivebay.io, CSI spec v1.12.0)

Usage: drivebay-csi [options]

  --mode controller|node|all   Which CSI services to serve (env DRIVEBAY_CSI_MODE; default all)
  --endpoint unix:///path      The socket to serve on (env CSI_ENDPOINT; default unix:///csi/csi.sock)
  --secret-dir DIR             The mounted Secret: files server, token, ca.crt (env DRIVEBAY_SECRET_DIR;
                               default /etc/drivebay/secret)
  --cluster NAME               The cluster volumes are recorded under (env DRIVEBAY_CLUSTER; default default)
  --node-id ID                 Node mode: this server's Drivebay id (default: found by --node-name)
  --node-name NAME             Node mode: the Kubernetes node name, matched to a server's hostname
                               (env KUBE_NODE_NAME; default this machine's hostname)
  --state-dir DIR              Node mode: where the host keeps its state (env DRIVEBAY_CSI_STATE_DIR;
                               default /var/lib/drivebay-csi)
  --host-mounts auto|bind|record
                               Node mode: real bind mounts, a recorded mount table, or whichever this
                               machine permits (default auto)
  --max-volumes-per-node N     Node mode: reported by NodeGetInfo (default 128)
  --emulated-fabric-latency-ms N
                               Node mode, emulated host: pause before each attach step, standing for
                               the fabric's latency (default 0)
  --log-level debug|info|warn|error
                               (default info)
  --help, --version
`;

export interface CliOptions {
  mode: PluginMode;
  endpoint: string;
  secretDir: string;
  cluster: string;
  nodeId: string | undefined;
  nodeName: string;
  stateDir: string;
  hostMounts: 'auto' | 'bind' | 'record';
  maxVolumesPerNode: number;
  fabricLatencyMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export type Cli = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'version' };

/** A flag or variable with a value that is not allowed: one line naming it and what is. */
export class CliError extends Error {}

const oneOf = <T extends string>(value: string, allowed: readonly T[], name: string): T => {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${name} "${value}" is not allowed: use ${allowed.join(', ')}`);
};

/** Flags win over environment variables, which win over defaults. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): Cli {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        mode: { type: 'string' },
        endpoint: { type: 'string' },
        'secret-dir': { type: 'string' },
        cluster: { type: 'string' },
        'node-id': { type: 'string' },
        'node-name': { type: 'string' },
        'state-dir': { type: 'string' },
        'host-mounts': { type: 'string' },
        'max-volumes-per-node': { type: 'string' },
        'emulated-fabric-latency-ms': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean' },
        version: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)} (see --help)`);
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const pick = (flag: string, variable: string | undefined, fallback: string): [string, string] => {
    const fromFlag = values[flag];
    if (typeof fromFlag === 'string') return [fromFlag, `--${flag}`];
    const fromEnv = variable ? env[variable] : undefined;
    if (fromEnv) return [fromEnv, variable as string];
    return [fallback, `--${flag}`];
  };
  const [mode, modeName] = pick('mode', 'DRIVEBAY_CSI_MODE', 'all');
  const [maxVolumes, maxName] = pick('max-volumes-per-node', undefined, '128');
  if (!/^\d{1,6}$/.test(maxVolumes) || Number(maxVolumes) < 1)
    throw new CliError(`${maxName} "${maxVolumes}" is not allowed: a whole number from 1`);
  const [latency, latencyName] = pick('emulated-fabric-latency-ms', undefined, '0');
  if (!/^\d{1,6}$/.test(latency))
    throw new CliError(`${latencyName} "${latency}" is not allowed: whole milliseconds`);
  const [mounts, mountsName] = pick('host-mounts', undefined, 'auto');
  const [level, levelName] = pick('log-level', undefined, 'info');
  const [cluster, clusterName] = pick('cluster', 'DRIVEBAY_CLUSTER', 'default');
  const clusterId = IdSchema.safeParse(cluster);
  if (!clusterId.success)
    throw new CliError(
      `${clusterName} "${cluster}" is not allowed: ${clusterId.error.issues[0]?.message ?? 'not an id'}`,
    );
  const nodeId = values['node-id'];
  return {
    kind: 'run',
    options: {
      mode: oneOf(mode, ['controller', 'node', 'all'] as const, modeName),
      endpoint: pick('endpoint', 'CSI_ENDPOINT', 'unix:///csi/csi.sock')[0],
      secretDir: pick('secret-dir', 'DRIVEBAY_SECRET_DIR', '/etc/drivebay/secret')[0],
      cluster,
      nodeId: typeof nodeId === 'string' ? nodeId : undefined,
      nodeName: pick('node-name', 'KUBE_NODE_NAME', hostname())[0],
      stateDir: pick('state-dir', 'DRIVEBAY_CSI_STATE_DIR', '/var/lib/drivebay-csi')[0],
      hostMounts: oneOf(mounts, ['auto', 'bind', 'record'] as const, mountsName),
      maxVolumesPerNode: Number(maxVolumes),
      fabricLatencyMs: Number(latency),
      logLevel: oneOf(level, ['debug', 'info', 'warn', 'error'] as const, levelName),
    },
  };
}
