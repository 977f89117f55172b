import type { IContainer } from 'kubernetes-models/v1/Container';
import { CliError, parseCli } from '../cli.js';
import { CONTROLLER_NAME, NODE_NAME, PLUGIN_CONTAINER, SECRET_DIR, STATE_DIR } from './contract.js';
import type { Manifest, Problem } from './manifest-files.js';
import { problemAt } from './manifest-files.js';
import { containerPath, findObjects, type PodSpecAt, podSpecs } from './pod-specs.js';

/** What the plugin must make of its command line in each workload. */
const EXPECTED = [
  { kind: 'Deployment', name: CONTROLLER_NAME, mode: 'controller' },
  { kind: 'DaemonSet', name: NODE_NAME, mode: 'node' },
] as const;

/**
 * The plugin's own parser accepts the command line each manifest gives it (args expanded and env
 * resolved as the kubelet would) and reads from it the mode, socket, Secret, cluster, node name
 * and state directory deploy/ means.
 */
export function checkPluginCli(manifests: readonly Manifest[]): Problem[] {
  return EXPECTED.flatMap(({ kind, name, mode }) => {
    const [pod] = podSpecs(findObjects(manifests, kind, name));
    const plugin = pod?.spec.containers.find((c) => c.name === PLUGIN_CONTAINER);
    if (!pod || !plugin) return []; // checkController and checkNode report what is missing
    const at = (message: string) => problemAt(pod.manifest, `${containerPath(pod, plugin)}.args`, message);
    const env = containerEnv(manifests, pod, plugin);
    const args = (plugin.args ?? []).map((a) => a.replace(/\$\((\w+)\)/g, (ref, v: string) => env[v] ?? ref));
    let cli: ReturnType<typeof parseCli>;
    try {
      cli = parseCli(args, env);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      return [at(`drivebay-csi refuses it: ${error.message}`)];
    }
    if (cli.kind !== 'run') return [at(`drivebay-csi would print ${cli.kind} and exit`)];
    const o = cli.options;
    const want = { mode, endpoint: env.CSI_ENDPOINT, secretDir: SECRET_DIR, cluster: env.DRIVEBAY_CLUSTER };
    const nodeWant = mode === 'node' ? { nodeName: env.KUBE_NODE_NAME, stateDir: STATE_DIR } : {};
    return Object.entries({ ...want, ...nodeWant }).flatMap(([key, value]) => {
      const got = o[key as keyof typeof o];
      return got === value
        ? []
        : [at(`drivebay-csi reads ${key} ${JSON.stringify(got)}, expected ${JSON.stringify(value)}`)];
    });
  });
}

/**
 * The container's environment as the kubelet gives it: literal values, ConfigMap keys, and
 * downward-API fields (with stand-in values for what only a running pod knows).
 */
function containerEnv(manifests: readonly Manifest[], pod: PodSpecAt, c: IContainer): Record<string, string> {
  const fields: Record<string, string> = {
    'spec.nodeName': 'node-a1',
    'metadata.name': `${pod.manifest.object.metadata?.name}-0`,
    'metadata.namespace': pod.namespace,
  };
  const env: Record<string, string> = {};
  for (const e of c.env ?? []) {
    const map = e.valueFrom?.configMapKeyRef;
    const [found] = map ? findObjects(manifests, 'ConfigMap', map.name ?? '', pod.namespace) : [];
    const fromMap = map
      ? (found?.object as { data?: Record<string, string> } | undefined)?.data?.[map.key]
      : undefined;
    const value = e.value ?? fromMap ?? fields[e.valueFrom?.fieldRef?.fieldPath ?? ''];
    if (value !== undefined) env[e.name] = value;
  }
  return env;
}
