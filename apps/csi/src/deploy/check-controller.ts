import { CONTROLLER_CONTAINERS, CONTROLLER_NAME } from './contract.js';
import type { Manifest, Problem } from './manifest-files.js';
import { problemAt } from './manifest-files.js';
import {
  clusterProblems,
  containerProblems,
  findPluginPod,
  livenessProblems,
  secretProblems,
  socketProblems,
} from './plugin-pod.js';
import { containerPath } from './pod-specs.js';

/**
 * The controller Deployment: the plugin in controller mode with the provisioner, attacher, resizer
 * and liveness probe, all on one socket; more than one replica only with leader election (the
 * sidecars' flags say so); and nothing running as root, since nothing here touches the host.
 */
export function checkController(manifests: readonly Manifest[]): Problem[] {
  const pod = findPluginPod(manifests, 'Deployment', CONTROLLER_NAME);
  if (!('spec' in pod)) return [pod];
  const problems = [
    ...containerProblems(pod, CONTROLLER_CONTAINERS),
    ...socketProblems(pod).problems,
    ...secretProblems(manifests, pod),
    ...clusterProblems(manifests, pod),
    ...livenessProblems(pod),
  ];
  const replicas = (pod.manifest.object.spec as { replicas?: number }).replicas ?? 1;
  if (replicas < 1) problems.push(problemAt(pod.manifest, 'spec.replicas', 'must be at least 1'));
  const podNonRoot = pod.spec.securityContext?.runAsNonRoot === true;
  for (const c of pod.spec.containers) {
    const nonRoot = c.securityContext?.runAsNonRoot ?? podNonRoot;
    if (!nonRoot)
      problems.push(
        problemAt(pod.manifest, `${containerPath(pod, c)}.securityContext`, 'must run as non-root'),
      );
    if (c.securityContext?.privileged)
      problems.push(
        problemAt(
          pod.manifest,
          `${containerPath(pod, c)}.securityContext.privileged`,
          'the controller needs no privilege',
        ),
      );
  }
  return problems;
}
