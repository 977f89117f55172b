import { isDeepStrictEqual } from 'node:util';
import { CSIDriver } from 'kubernetes-models/storage.k8s.io/v1/CSIDriver';
import { isExample, KUSTOMIZATION } from './check-kustomization.js';
import { CSI_DRIVER_SPEC, DRIVER, NAMESPACE } from './contract.js';
import type { Manifest, Problem } from './manifest-files.js';
import { problemAt } from './manifest-files.js';

/** Exactly one CSIDriver, named as the plugin names itself, with exactly the contract's spec. */
export function checkCsiDriver(manifests: readonly Manifest[]): Problem[] {
  const drivers = manifests.filter((m) => CSIDriver.is(m.object));
  if (drivers.length !== 1)
    return [
      {
        file: '(deploy)',
        document: 0,
        field: 'CSIDriver',
        message: `expected exactly one, found ${drivers.length}`,
      },
    ];
  const [driver] = drivers as [Manifest];
  const problems: Problem[] = [];
  if (driver.object.metadata?.name !== DRIVER)
    problems.push(problemAt(driver, 'metadata.name', `must be ${DRIVER}`));
  const spec = (driver.object.spec ?? {}) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(CSI_DRIVER_SPEC), ...Object.keys(spec)])) {
    const want = (CSI_DRIVER_SPEC as Record<string, unknown>)[key];
    if (!isDeepStrictEqual(spec[key], want))
      problems.push(
        problemAt(driver, `spec.${key}`, `is ${JSON.stringify(spec[key])}, expected ${JSON.stringify(want)}`),
      );
  }
  return problems;
}

/** Kinds without a namespace; everything else deploy/ installs lives in the plugin's namespace. */
const CLUSTER_SCOPED = ['Namespace', 'CSIDriver', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding'];

/**
 * The Namespace exists, and what `apply -k` installs is in it (kustomize here sets no namespace,
 * so a forgotten one would land in whatever namespace kubectl defaults to).
 */
export function checkNamespaces(manifests: readonly Manifest[]): Problem[] {
  const problems: Problem[] = [];
  if (!manifests.some((m) => m.object.kind === 'Namespace' && m.object.metadata?.name === NAMESPACE))
    problems.push({
      file: '(deploy)',
      document: 0,
      field: 'Namespace',
      message: `no Namespace ${NAMESPACE}`,
    });
  for (const m of manifests) {
    const { kind, apiVersion, metadata } = m.object;
    if (`${apiVersion} ${kind}` === KUSTOMIZATION || isExample(m.file)) continue;
    const clusterScoped = CLUSTER_SCOPED.includes(kind);
    if (clusterScoped && metadata?.namespace)
      problems.push(problemAt(m, 'metadata.namespace', `${kind} has none`));
    if (!clusterScoped && metadata?.namespace !== NAMESPACE)
      problems.push(problemAt(m, 'metadata.namespace', `must be ${NAMESPACE}`));
  }
  return problems;
}
