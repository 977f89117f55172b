import type { ManifestSet, Problem } from './manifest-files.js';
import { problemAt } from './manifest-files.js';

/** kustomize's own kind: not a Kubernetes object, so it has no OpenAPI schema; checked here. */
export const KUSTOMIZATION = 'kustomize.config.k8s.io/v1beta1 Kustomization';
const FILE = 'kustomization.yaml';
/** deploy/ sets namespaces in the objects themselves; other kustomize fields would go unchecked. */
const KNOWN_FIELDS = ['apiVersion', 'kind', 'resources'];

/** What is not installed by `kubectl apply -k`: the Secret template (it holds placeholders) and the examples. */
export function isExample(file: string): boolean {
  return file.startsWith('examples/') || file.includes('.example.');
}

/**
 * One kustomization.yaml at the top that lists only files that exist, each once, and every file
 * but itself and the examples, so `kubectl apply -k deploy/` installs everything that must be.
 */
export function checkKustomization(set: ManifestSet): Problem[] {
  const found = set.manifests.filter((m) => `${m.object.apiVersion} ${m.object.kind}` === KUSTOMIZATION);
  const [kustomization, ...extra] = found;
  const at = (field: string, message: string): Problem => ({ file: FILE, document: 1, field, message });
  if (!kustomization || kustomization.file !== FILE) return [at('(file)', `no Kustomization in ${FILE}`)];
  const problems = extra.map((m) => problemAt(m, 'kind', `a second Kustomization (the one is ${FILE})`));
  const { resources } = kustomization.object;
  for (const key of Object.keys(kustomization.object)) {
    if (!KNOWN_FIELDS.includes(key)) problems.push(problemAt(kustomization, key, 'not used here'));
  }
  if (!Array.isArray(resources) || !resources.every((r) => typeof r === 'string'))
    return [...problems, problemAt(kustomization, 'resources', 'must be a list of file names')];
  resources.forEach((r, i) => {
    if (!set.files.includes(r)) problems.push(problemAt(kustomization, `resources[${i}]`, `no file ${r}`));
    else if (isExample(r)) problems.push(problemAt(kustomization, `resources[${i}]`, `${r} is an example`));
    if (resources.indexOf(r) !== i) problems.push(problemAt(kustomization, `resources[${i}]`, `${r} twice`));
  });
  for (const file of set.files) {
    if (file === FILE || isExample(file) || resources.includes(file)) continue;
    problems.push(problemAt(kustomization, 'resources', `does not list ${file}`));
  }
  return problems;
}
