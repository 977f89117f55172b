import ValidationError from '@kubernetes-models/validate/runtime/validation_error';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { CSIDriver } from 'kubernetes-models/storage.k8s.io/v1/CSIDriver';
import { StorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Pod } from 'kubernetes-models/v1/Pod';
import { Secret } from 'kubernetes-models/v1/Secret';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { KUSTOMIZATION } from './check-kustomization.js';
import { type Manifest, type Problem, problemAt } from './manifest-files.js';

/**
 * A kubernetes-models class: validating an instance checks it against the OpenAPI schema. Its
 * constructor is typed for data already of its kind; what a file holds is not known to be until
 * validate() says so, hence `never` here and the one cast where it is called.
 */
interface ModelClass {
  readonly apiVersion: string;
  readonly kind: string;
  new (data: never): { validate(): void };
}

/** The kinds deploy/ may hold. Anything else is refused rather than passed unchecked. */
const MODELS: readonly ModelClass[] = [
  Namespace,
  ConfigMap,
  Secret,
  ServiceAccount,
  PersistentVolumeClaim,
  Pod,
  Deployment,
  DaemonSet,
  ClusterRole,
  ClusterRoleBinding,
  Role,
  RoleBinding,
  CSIDriver,
  StorageClass,
];
const BY_TYPE = new Map(MODELS.map((m) => [`${m.apiVersion} ${m.kind}`, m]));

/**
 * Each object against the OpenAPI schema of its apiVersion and kind (types, enums, required
 * fields), and named. The schema does not refuse unknown fields, so the checks that follow assert
 * the fields that matter by value. Kustomization is kustomize's, checked on its own.
 */
export function schemaProblems(manifests: readonly Manifest[]): Problem[] {
  return manifests.flatMap((m) => {
    const type = `${m.object.apiVersion} ${m.object.kind}`;
    if (type === KUSTOMIZATION) return [];
    const Model = BY_TYPE.get(type);
    if (!Model)
      return [problemAt(m, 'kind', `no schema for ${type} (known: ${[...BY_TYPE.keys()].join(', ')})`)];
    const problems: Problem[] = [];
    if (!m.object.metadata?.name) problems.push(problemAt(m, 'metadata.name', 'is required'));
    try {
      new Model(m.object as never).validate();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const e of error.errors)
        problems.push(problemAt(m, dotted(e.instancePath ?? ''), e.message ?? ''));
    }
    return problems;
  });
}

/** `/spec/template/spec/containers/0/name` → `spec.template.spec.containers[0].name`. */
function dotted(pointer: string): string {
  const parts = pointer
    .split('/')
    .filter(Boolean)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(object)';
}
