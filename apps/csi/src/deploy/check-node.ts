import type { IContainer } from 'kubernetes-models/v1/Container';
import {
  KUBELET_PLUGIN_DIR,
  KUBELET_REGISTRY_DIR,
  NODE_CONTAINERS,
  NODE_NAME,
  STATE_DIR,
} from './contract.js';
import type { Manifest, Problem } from './manifest-files.js';
import { problemAt } from './manifest-files.js';
import {
  clusterProblems,
  containerProblems,
  findPluginPod,
  livenessProblems,
  pluginContainer,
  secretProblems,
  socketProblems,
} from './plugin-pod.js';
import { containerPath, flagValue, type PodSpecAt, splitPath, volumeMountedAt } from './pod-specs.js';

/**
 * The node DaemonSet: the plugin in node mode, privileged, with the host's kubelet directory
 * (mounts propagate both ways), /dev and its state directory; its socket in the kubelet's plugin
 * directory for the driver; the registrar telling the kubelet that very path.
 */
export function checkNode(manifests: readonly Manifest[]): Problem[] {
  const pod = findPluginPod(manifests, 'DaemonSet', NODE_NAME);
  if (!('spec' in pod)) return [pod];
  const socket = socketProblems(pod);
  return [
    ...containerProblems(pod, NODE_CONTAINERS),
    ...socket.problems,
    ...secretProblems(manifests, pod),
    ...clusterProblems(manifests, pod),
    ...livenessProblems(pod),
    ...hostProblems(pod),
    ...registrationProblems(pod, socket.volume?.name),
  ];
}

/** The host paths the node plugin needs, each from the right host directory. */
function hostProblems(pod: PodSpecAt): Problem[] {
  const plugin = pluginContainer(pod);
  if (!plugin) return [];
  const path = containerPath(pod, plugin);
  const problems: Problem[] = [];
  if (plugin.securityContext?.privileged !== true)
    problems.push(
      problemAt(pod.manifest, `${path}.securityContext.privileged`, 'must be true (attach, RAID, mount)'),
    );
  const need = (mountPath: string, hostPath: string, propagation?: string) => {
    const volume = volumeMountedAt(pod, plugin, mountPath);
    const mount = plugin.volumeMounts?.find((m) => m.name === volume?.name && m.mountPath === mountPath);
    if (volume?.hostPath?.path !== hostPath)
      problems.push(
        problemAt(pod.manifest, `${path}.volumeMounts`, `needs host path ${hostPath} at ${mountPath}`),
      );
    else if (propagation && mount?.mountPropagation !== propagation)
      problems.push(
        problemAt(
          pod.manifest,
          `${path}.volumeMounts[${mount?.name}].mountPropagation`,
          `must be ${propagation}`,
        ),
      );
  };
  need('/var/lib/kubelet', '/var/lib/kubelet', 'Bidirectional');
  need('/dev', '/dev');
  need(flagValue(plugin, '--state-dir') ?? STATE_DIR, STATE_DIR);
  return problems;
}

/**
 * The socket's volume is the kubelet's plugin directory for the driver, and the registrar tells
 * the kubelet the socket's host path; it registers in the kubelet's plugin registry.
 */
function registrationProblems(pod: PodSpecAt, socketVolume: string | undefined): Problem[] {
  const registrar = pod.spec.containers.find((c) => c.name === 'node-driver-registrar');
  const volume = pod.spec.volumes?.find((v) => v.name === socketVolume);
  if (!registrar || !volume) return [];
  const at = (field: string, message: string) => problemAt(pod.manifest, field, message);
  const problems: Problem[] = [];
  const host = volume.hostPath;
  if (host?.path !== KUBELET_PLUGIN_DIR || host.type !== 'DirectoryOrCreate')
    problems.push(
      at(`${pod.path}.volumes[${volume.name}].hostPath`, `must be ${KUBELET_PLUGIN_DIR}, DirectoryOrCreate`),
    );
  const [, base] = splitPath(flagValue(registrar, '--csi-address') ?? '');
  const registration = flagValue(registrar, '--kubelet-registration-path');
  if (host && registration !== `${host.path}/${base}`)
    problems.push(
      at(
        `${containerPath(pod, registrar)}.args`,
        `--kubelet-registration-path=${registration} is not the socket's host path ${host.path}/${base}`,
      ),
    );
  if (!mountsHostPath(pod, registrar, '/registration', KUBELET_REGISTRY_DIR))
    problems.push(
      at(
        `${containerPath(pod, registrar)}.volumeMounts`,
        `needs host path ${KUBELET_REGISTRY_DIR} at /registration`,
      ),
    );
  return problems;
}

function mountsHostPath(pod: PodSpecAt, c: IContainer, mountPath: string, hostPath: string): boolean {
  return volumeMountedAt(pod, c, mountPath)?.hostPath?.path === hostPath;
}
