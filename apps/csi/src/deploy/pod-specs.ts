import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { Pod } from 'kubernetes-models/v1/Pod';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { KubeObject, Manifest } from './manifest-files.js';

/** A pod spec found in a manifest (a Pod, or a workload's template) and the path to it. */
export interface PodSpecAt {
  manifest: Manifest;
  spec: IPodSpec;
  /** `spec.template.spec` or `spec`: the prefix of every field named in a problem. */
  path: string;
  namespace: string;
}

/** Every pod spec in the manifests (after the schema check, the kind guards are sound). */
export function podSpecs(manifests: readonly Manifest[]): PodSpecAt[] {
  return manifests.flatMap((manifest): PodSpecAt[] => {
    const o = manifest.object;
    const namespace = o.metadata?.namespace ?? 'default';
    if (Deployment.is(o) || DaemonSet.is(o)) {
      const spec = o.spec?.template.spec;
      return spec ? [{ manifest, spec, path: 'spec.template.spec', namespace }] : [];
    }
    if (Pod.is(o) && o.spec) return [{ manifest, spec: o.spec, path: 'spec', namespace }];
    return [];
  });
}

/** The objects of a kind and name (and namespace, for namespaced kinds). */
export function findObjects(
  manifests: readonly Manifest[],
  kind: string,
  name: string,
  namespace?: string,
): Manifest[] {
  const matches = (o: KubeObject) =>
    o.kind === kind &&
    o.metadata?.name === name &&
    (namespace === undefined || o.metadata?.namespace === namespace);
  return manifests.filter((m) => matches(m.object));
}

/** The container's field path in problems: by name, which survives reordering. */
export function containerPath(pod: PodSpecAt, container: IContainer): string {
  return `${pod.path}.containers[${container.name}]`;
}

/** `--flag=value` → value; `--flag` alone → ''; absent → undefined. */
export function flagValue(container: IContainer, flag: string): string | undefined {
  for (const arg of container.args ?? []) {
    if (arg === flag) return '';
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/** The volume a container mounts at a path, if any. */
export function volumeMountedAt(
  pod: PodSpecAt,
  container: IContainer,
  mountPath: string,
): IVolume | undefined {
  const trim = (p: string) => p.replace(/\/+$/, '');
  const mount = container.volumeMounts?.find((m) => trim(m.mountPath) === trim(mountPath));
  return mount && pod.spec.volumes?.find((v) => v.name === mount.name);
}

/** `/csi/csi.sock` → [`/csi`, `csi.sock`]. */
export function splitPath(path: string): [dir: string, base: string] {
  const i = path.lastIndexOf('/');
  return [path.slice(0, i) || '/', path.slice(i + 1)];
}
