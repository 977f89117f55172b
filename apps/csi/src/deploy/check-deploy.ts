import { checkCsiDriver, checkNamespaces } from './check-cluster-objects.js';
import { checkController } from './check-controller.js';
import { checkKustomization } from './check-kustomization.js';
import { checkNode } from './check-node.js';
import { checkPluginCli } from './check-plugin-cli.js';
import { checkPodReferences } from './check-pod-references.js';
import { checkRbac } from './check-rbac.js';
import { schemaProblems } from './check-schema.js';
import { checkStorageClasses } from './check-storage-classes.js';
import { formatProblem, type ManifestSet } from './manifest-files.js';

/** Each check of deploy/, by what it covers; each returns the problems it found, formatted. */
export const DEPLOY_CHECKS = {
  yaml: (set: ManifestSet) => set.problems,
  schema: (set: ManifestSet) => schemaProblems(set.manifests),
  namespaces: (set: ManifestSet) => checkNamespaces(set.manifests),
  csiDriver: (set: ManifestSet) => checkCsiDriver(set.manifests),
  controller: (set: ManifestSet) => checkController(set.manifests),
  node: (set: ManifestSet) => checkNode(set.manifests),
  pluginCli: (set: ManifestSet) => checkPluginCli(set.manifests),
  podReferences: (set: ManifestSet) => checkPodReferences(set.manifests),
  rbac: (set: ManifestSet) => checkRbac(set.manifests),
  storageClasses: (set: ManifestSet) => checkStorageClasses(set.manifests),
  kustomization: (set: ManifestSet) => checkKustomization(set),
} as const;

/** Every problem of every check, one line each. */
export function deployProblems(set: ManifestSet): string[] {
  return Object.values(DEPLOY_CHECKS).flatMap((check) => check(set).map(formatProblem));
}
