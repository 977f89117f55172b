import { randomBytes } from 'node:crypto';
import type { ResourceDef } from './resources.js';
import { invalid, KubeApiError } from './status.js';
import type { KubeObject, KubeObjectInput } from './types.js';

// DNS-1123 subdomain, the rule the apiserver applies to most object names.
const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** The store key of an object: namespace/name, with an empty namespace for cluster-scoped kinds. */
export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** A name for the object: the given one, or generateName plus five random characters like the apiserver. */
export function chooseName(def: ResourceDef, input: KubeObjectInput): string {
  const given = input.metadata.name ?? '';
  const name = given || (input.metadata.generateName ? input.metadata.generateName + randomSuffix() : '');
  if (!name)
    throw new KubeApiError(
      invalid(def, '', 'metadata.name', 'Required value: name or generateName is required'),
    );
  if (name.length > 253 || !NAME.test(name))
    throw new KubeApiError(
      invalid(def, name, 'metadata.name', `Invalid value: "${name}": must be a lowercase RFC 1123 subdomain`),
    );
  return name;
}

function randomSuffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return Array.from(randomBytes(5), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** RFC 3339 at second precision, the way Kubernetes writes metav1.Time. */
export function kubeTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Freezes a stored object all the way down, so readers can share it without copying. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A mutable deep copy of a stored object, for read-modify-write callers. */
export function thaw(object: KubeObject): KubeObject {
  return structuredClone(object);
}
