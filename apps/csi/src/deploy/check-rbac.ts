import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IPolicyRule } from 'kubernetes-models/rbac.authorization.k8s.io/v1/PolicyRule';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { CONTROLLER_NAME, NAMESPACE } from './contract.js';
import type { Manifest, Problem } from './manifest-files.js';
import { problemAt } from './manifest-files.js';
import { findObjects, podSpecs } from './pod-specs.js';

/** What a sidecar does through the API: `resource[/subresource][.group]`, verbs, and where. */
interface Need {
  sidecar: string;
  resource: string;
  verbs: string;
  /** A namespace when the sidecar only works in its own (leases, capacity); otherwise cluster-wide. */
  namespace?: string;
}

/** From what each controller sidecar does (its documentation and flags), not from a copied file. */
const CONTROLLER_NEEDS: readonly Need[] = [
  { sidecar: 'csi-provisioner', resource: 'persistentvolumes', verbs: 'get list watch create patch delete' },
  { sidecar: 'csi-provisioner', resource: 'persistentvolumeclaims', verbs: 'get list watch update' },
  { sidecar: 'csi-provisioner', resource: 'storageclasses.storage.k8s.io', verbs: 'get list watch' },
  { sidecar: 'csi-provisioner', resource: 'events', verbs: 'create patch' },
  { sidecar: 'csi-provisioner', resource: 'nodes', verbs: 'get list watch' },
  { sidecar: 'csi-provisioner', resource: 'csinodes.storage.k8s.io', verbs: 'get list watch' },
  { sidecar: 'csi-provisioner', resource: 'volumeattachments.storage.k8s.io', verbs: 'get list watch' },
  {
    sidecar: 'csi-provisioner (--enable-capacity)',
    resource: 'csistoragecapacities.storage.k8s.io',
    verbs: 'get list watch create update patch delete',
    namespace: NAMESPACE,
  },
  { sidecar: 'csi-provisioner (owner lookup)', resource: 'pods', verbs: 'get', namespace: NAMESPACE },
  {
    sidecar: 'csi-provisioner (owner lookup)',
    resource: 'replicasets.apps',
    verbs: 'get',
    namespace: NAMESPACE,
  },
  { sidecar: 'csi-attacher', resource: 'persistentvolumes', verbs: 'get list watch patch' },
  { sidecar: 'csi-attacher', resource: 'csinodes.storage.k8s.io', verbs: 'get list watch' },
  { sidecar: 'csi-attacher', resource: 'volumeattachments.storage.k8s.io', verbs: 'get list watch patch' },
  { sidecar: 'csi-attacher', resource: 'volumeattachments/status.storage.k8s.io', verbs: 'patch' },
  { sidecar: 'csi-resizer', resource: 'persistentvolumes', verbs: 'get list watch patch' },
  { sidecar: 'csi-resizer', resource: 'persistentvolumeclaims', verbs: 'get list watch' },
  { sidecar: 'csi-resizer', resource: 'persistentvolumeclaims/status', verbs: 'patch' },
  { sidecar: 'csi-resizer', resource: 'pods', verbs: 'get list watch' },
  { sidecar: 'csi-resizer', resource: 'events', verbs: 'create patch' },
  {
    sidecar: 'leader election (--leader-election)',
    resource: 'leases.coordination.k8s.io',
    verbs: 'get list watch create update',
    namespace: NAMESPACE,
  },
];

/**
 * Every binding names a role and service accounts that exist, and the controller's service
 * account is granted, through them, everything its sidecars do.
 */
export function checkRbac(manifests: readonly Manifest[]): Problem[] {
  return [...referenceProblems(manifests), ...controllerGrantProblems(manifests)];
}

function bindings(manifests: readonly Manifest[]) {
  return manifests.flatMap((m) => {
    const o = m.object;
    return ClusterRoleBinding.is(o) || RoleBinding.is(o) ? [{ manifest: m, binding: o }] : [];
  });
}

function referenceProblems(manifests: readonly Manifest[]): Problem[] {
  return bindings(manifests).flatMap(({ manifest, binding }) => {
    const problems: Problem[] = [];
    const { kind, name } = binding.roleRef;
    const namespace = kind === 'Role' ? binding.metadata?.namespace : undefined;
    if (findObjects(manifests, kind, name, namespace).length === 0)
      problems.push(
        problemAt(manifest, 'roleRef.name', `no ${kind} ${namespace ? `${namespace}/` : ''}${name}`),
      );
    (binding.subjects ?? []).forEach((s, i) => {
      if (s.kind !== 'ServiceAccount') return;
      if (!s.namespace || findObjects(manifests, 'ServiceAccount', s.name, s.namespace).length === 0)
        problems.push(
          problemAt(
            manifest,
            `subjects[${i}]`,
            `no ServiceAccount ${s.namespace ?? '(no namespace)'}/${s.name}`,
          ),
        );
    });
    return problems;
  });
}

/** The rules granted to a service account: cluster-wide, or in the namespace of a RoleBinding. */
function grants(manifests: readonly Manifest[], account: string, namespace: string) {
  return bindings(manifests).flatMap(({ binding }) => {
    const bound = (binding.subjects ?? []).some(
      (s) => s.kind === 'ServiceAccount' && s.name === account && s.namespace === namespace,
    );
    const roleNamespace = binding.roleRef.kind === 'Role' ? binding.metadata?.namespace : undefined;
    const [role] = bound
      ? findObjects(manifests, binding.roleRef.kind, binding.roleRef.name, roleNamespace)
      : [];
    const rules = ((role?.object.rules as IPolicyRule[] | undefined) ?? []).filter((r) => !r.nonResourceURLs);
    const scope = binding.kind === 'ClusterRoleBinding' ? undefined : binding.metadata?.namespace;
    return rules.map((rule) => ({ rule, scope }));
  });
}

function allows(rule: IPolicyRule, group: string, resource: string, verb: string): boolean {
  const has = (list: string[] | undefined, value: string) =>
    !!list && (list.includes(value) || list.includes('*'));
  return has(rule.apiGroups, group) && has(rule.resources, resource) && has(rule.verbs, verb);
}

function controllerGrantProblems(manifests: readonly Manifest[]): Problem[] {
  const [deployment] = findObjects(manifests, 'Deployment', CONTROLLER_NAME, NAMESPACE);
  const [pod] = podSpecs(deployment ? [deployment] : []);
  const account = pod?.spec.serviceAccountName;
  if (!pod || !account) return [];
  const granted = grants(manifests, account, pod.namespace);
  return CONTROLLER_NEEDS.flatMap((need) => {
    const dot = need.resource.indexOf('.');
    const [resource, group] =
      dot < 0 ? [need.resource, ''] : [need.resource.slice(0, dot), need.resource.slice(dot + 1)];
    const missing = need.verbs
      .split(' ')
      .filter(
        (verb) =>
          !granted.some(
            ({ rule, scope }) =>
              (scope === undefined || scope === need.namespace) && allows(rule, group, resource, verb),
          ),
      );
    if (missing.length === 0) return [];
    const where = need.namespace ? `in ${need.namespace}` : 'cluster-wide';
    const message = `${need.sidecar} needs ${missing.join(', ')} on ${need.resource} ${where}; no role bound to ServiceAccount ${account} grants it`;
    return [problemAt(pod.manifest, `${pod.path}.serviceAccountName`, message)];
  });
}
