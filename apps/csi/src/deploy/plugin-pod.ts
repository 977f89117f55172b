import { IdSchema } from '@drivebay/api-types';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import {
  type ExpectedContainer,
  NAMESPACE,
  PLUGIN_CONTAINER,
  SECRET_DIR,
  SECRET_KEYS,
  SECRET_NAME,
} from './contract.js';
import type { Manifest, Problem } from './manifest-files.js';
import { problemAt } from './manifest-files.js';
import {
  containerPath,
  findObjects,
  flagValue,
  type PodSpecAt,
  podSpecs,
  splitPath,
  volumeMountedAt,
} from './pod-specs.js';

/** The pod spec of the one workload of that kind and name in the plugin's namespace. */
export function findPluginPod(
  manifests: readonly Manifest[],
  kind: string,
  name: string,
): PodSpecAt | Problem {
  const found = findObjects(manifests, kind, name, NAMESPACE);
  const pods = podSpecs(found);
  if (found.length === 1 && pods[0]) return pods[0];
  const field = `${kind} ${NAMESPACE}/${name}`;
  return { file: '(deploy)', document: 0, field, message: `expected exactly one, found ${found.length}` };
}

/** Exactly the expected containers, each with its image, flags and downward-API env. */
export function containerProblems(pod: PodSpecAt, expected: Readonly<Record<string, ExpectedContainer>>) {
  const at = (field: string, message: string) => problemAt(pod.manifest, field, message);
  const problems: Problem[] = [];
  const names = pod.spec.containers.map((c) => c.name);
  for (const name of Object.keys(expected)) {
    if (!names.includes(name)) problems.push(at(`${pod.path}.containers`, `no container ${name}`));
  }
  for (const c of pod.spec.containers) {
    const want = expected[c.name];
    const path = containerPath(pod, c);
    if (!want) {
      problems.push(at(path, `unexpected container (expected ${Object.keys(expected).join(', ')})`));
      continue;
    }
    if (c.image !== want.image) problems.push(at(`${path}.image`, `is ${c.image}, expected ${want.image}`));
    for (const arg of want.args) {
      if (!(c.args ?? []).includes(arg)) problems.push(at(`${path}.args`, `lacks ${arg}`));
    }
    for (const [name, fieldPath] of Object.entries(want.fieldRefs ?? {})) {
      const env = c.env?.find((e) => e.name === name);
      if (env?.valueFrom?.fieldRef?.fieldPath !== fieldPath)
        problems.push(at(`${path}.env[${name}]`, `must come from the downward API field ${fieldPath}`));
    }
  }
  return problems;
}

export function pluginContainer(pod: PodSpecAt): IContainer | undefined {
  return pod.spec.containers.find((c) => c.name === PLUGIN_CONTAINER);
}

/**
 * The plugin listens on CSI_ENDPOINT; every sidecar's --csi-address must be that socket, in the
 * same volume (a different volume, or a different file, and the sidecar waits forever).
 * Returns the volume the socket lives in, for the node's registration path.
 */
export function socketProblems(pod: PodSpecAt): { volume?: IVolume; problems: Problem[] } {
  const plugin = pluginContainer(pod);
  if (!plugin) return { problems: [] };
  const at = (c: IContainer, field: string, message: string) =>
    problemAt(pod.manifest, `${containerPath(pod, c)}.${field}`, message);
  const endpoint = plugin.env?.find((e) => e.name === 'CSI_ENDPOINT')?.value ?? '';
  if (!endpoint.startsWith('unix:///'))
    return { problems: [at(plugin, 'env[CSI_ENDPOINT]', 'must be unix:///…')] };
  const socket = endpoint.slice('unix://'.length);
  const [dir, base] = splitPath(socket);
  const volume = volumeMountedAt(pod, plugin, dir);
  if (!volume)
    return { problems: [at(plugin, 'volumeMounts', `nothing mounted at ${dir}, the socket's directory`)] };
  const problems: Problem[] = [];
  for (const c of pod.spec.containers) {
    const address = flagValue(c, '--csi-address');
    if (c === plugin || address === undefined) continue;
    const [sidecarDir, sidecarBase] = splitPath(address);
    if (volumeMountedAt(pod, c, sidecarDir)?.name !== volume.name || sidecarBase !== base)
      problems.push(
        at(
          c,
          'args',
          `--csi-address=${address} is not the plugin's socket (${base} in volume ${volume.name})`,
        ),
      );
  }
  return { volume, problems };
}

/** --secret-dir is where the credentials Secret is mounted, read-only, and the Secret has its keys. */
export function secretProblems(manifests: readonly Manifest[], pod: PodSpecAt): Problem[] {
  const plugin = pluginContainer(pod);
  if (!plugin) return [];
  const path = containerPath(pod, plugin);
  const dir = flagValue(plugin, '--secret-dir') ?? SECRET_DIR;
  const volume = volumeMountedAt(pod, plugin, dir);
  const mount = plugin.volumeMounts?.find((m) => m.name === volume?.name);
  if (volume?.secret?.secretName !== SECRET_NAME || !mount?.readOnly)
    return [
      problemAt(
        pod.manifest,
        `${path}.volumeMounts`,
        `Secret ${SECRET_NAME} must be mounted read-only at ${dir}`,
      ),
    ];
  const [secret] = findObjects(manifests, 'Secret', SECRET_NAME, NAMESPACE);
  const { data, stringData } = (secret?.object ?? {}) as { data?: object; stringData?: object };
  const keys = [...Object.keys(data ?? {}), ...Object.keys(stringData ?? {})];
  return SECRET_KEYS.filter((k) => !keys.includes(k)).map((k) =>
    problemAt(secret ?? pod.manifest, 'stringData', `the Secret the plugin reads has no key "${k}"`),
  );
}

/** DRIVEBAY_CLUSTER resolves (literally or through its ConfigMap) to a name Drivebay accepts. */
export function clusterProblems(manifests: readonly Manifest[], pod: PodSpecAt): Problem[] {
  const plugin = pluginContainer(pod);
  if (!plugin) return [];
  const field = `${containerPath(pod, plugin)}.env[DRIVEBAY_CLUSTER]`;
  const env = plugin.env?.find((e) => e.name === 'DRIVEBAY_CLUSTER');
  if (!env) return [problemAt(pod.manifest, field, 'is required (the logical cluster name)')];
  const ref = env.valueFrom?.configMapKeyRef;
  const [map] = ref ? findObjects(manifests, 'ConfigMap', ref.name ?? '', pod.namespace) : [];
  const data = (map?.object as { data?: Record<string, string> } | undefined)?.data;
  const value = ref ? data?.[ref.key] : env.value;
  // A missing ConfigMap or key is reported by checkPodReferences.
  if (ref && value === undefined) return [];
  const parsed = IdSchema.safeParse(value);
  if (parsed.success) return [];
  const message = `resolves to ${JSON.stringify(value)}: ${parsed.error.issues[0]?.message ?? 'not a cluster name'}`;
  return [problemAt(pod.manifest, field, message)];
}

/** The plugin's liveness probe asks the livenessprobe sidecar, on the port it serves (--health-port). */
export function livenessProblems(pod: PodSpecAt): Problem[] {
  const plugin = pluginContainer(pod);
  const sidecar = pod.spec.containers.find((c) => c.name === 'liveness-probe');
  if (!plugin || !sidecar) return [];
  const want = Number(flagValue(sidecar, '--health-port') ?? 9808);
  const port = plugin.livenessProbe?.httpGet?.port;
  const number = typeof port === 'string' ? plugin.ports?.find((p) => p.name === port)?.containerPort : port;
  if (number === want && plugin.livenessProbe?.httpGet?.path === '/healthz') return [];
  const field = `${containerPath(pod, plugin)}.livenessProbe`;
  return [
    problemAt(
      pod.manifest,
      field,
      `must GET /healthz on port ${want} (the liveness-probe sidecar's --health-port)`,
    ),
  ];
}
