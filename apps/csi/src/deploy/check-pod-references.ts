import type { Manifest, Problem } from './manifest-files.js';
import { problemAt } from './manifest-files.js';
import { containerPath, findObjects, type PodSpecAt, podSpecs } from './pod-specs.js';

/**
 * What every pod spec names must exist: each volume mount's volume, the ServiceAccount, and the
 * ConfigMaps, Secrets and claims its volumes and env refer to (with the keys they read). A pod
 * whose reference is missing never starts, or starts without what it needs.
 */
export function checkPodReferences(manifests: readonly Manifest[]): Problem[] {
  return podSpecs(manifests).flatMap((pod) => [
    ...mountProblems(pod),
    ...serviceAccountProblems(manifests, pod),
    ...volumeSourceProblems(manifests, pod),
    ...envProblems(manifests, pod),
  ]);
}

function mountProblems(pod: PodSpecAt): Problem[] {
  const volumes = (pod.spec.volumes ?? []).map((v) => v.name);
  return [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].flatMap((c) =>
    (c.volumeMounts ?? []).flatMap((mount, i) =>
      volumes.includes(mount.name)
        ? []
        : [
            problemAt(
              pod.manifest,
              `${containerPath(pod, c)}.volumeMounts[${i}].name`,
              `no volume named "${mount.name}" (volumes: ${volumes.join(', ') || 'none'})`,
            ),
          ],
    ),
  );
}

function serviceAccountProblems(manifests: readonly Manifest[], pod: PodSpecAt): Problem[] {
  const name = pod.spec.serviceAccountName;
  if (!name || findObjects(manifests, 'ServiceAccount', name, pod.namespace).length > 0) return [];
  const field = `${pod.path}.serviceAccountName`;
  return [problemAt(pod.manifest, field, `no ServiceAccount ${pod.namespace}/${name}`)];
}

/** The keys a ConfigMap or Secret holds, or undefined when there is no such object. */
function keysOf(manifests: readonly Manifest[], kind: string, name: string, namespace: string) {
  const [found] = findObjects(manifests, kind, name, namespace);
  if (!found) return undefined;
  const { data, stringData } = found.object as { data?: object; stringData?: object };
  return [...Object.keys(data ?? {}), ...Object.keys(stringData ?? {})];
}

function volumeSourceProblems(manifests: readonly Manifest[], pod: PodSpecAt): Problem[] {
  return (pod.spec.volumes ?? []).flatMap((v) => {
    const field = `${pod.path}.volumes[${v.name}]`;
    const missing = (what: string) => [problemAt(pod.manifest, field, `no ${what}`)];
    const ns = pod.namespace;
    if (v.secret?.secretName && !keysOf(manifests, 'Secret', v.secret.secretName, ns))
      return missing(`Secret ${ns}/${v.secret.secretName} (not even in an example)`);
    if (v.configMap?.name && !keysOf(manifests, 'ConfigMap', v.configMap.name, ns))
      return missing(`ConfigMap ${ns}/${v.configMap.name}`);
    const claim = v.persistentVolumeClaim?.claimName;
    if (claim && findObjects(manifests, 'PersistentVolumeClaim', claim, ns).length === 0)
      return missing(`PersistentVolumeClaim ${ns}/${claim}`);
    return [];
  });
}

function envProblems(manifests: readonly Manifest[], pod: PodSpecAt): Problem[] {
  return pod.spec.containers.flatMap((c) =>
    (c.env ?? []).flatMap((env) => {
      const field = `${containerPath(pod, c)}.env[${env.name}]`;
      const refs = [
        ['ConfigMap', env.valueFrom?.configMapKeyRef],
        ['Secret', env.valueFrom?.secretKeyRef],
      ] as const;
      return refs.flatMap(([kind, ref]) => {
        if (!ref?.name) return [];
        const keys = keysOf(manifests, kind, ref.name, pod.namespace);
        if (!keys) return [problemAt(pod.manifest, field, `no ${kind} ${pod.namespace}/${ref.name}`)];
        if (keys.includes(ref.key)) return [];
        return [problemAt(pod.manifest, field, `${kind} ${ref.name} has no key "${ref.key}"`)];
      });
    }),
  );
}
