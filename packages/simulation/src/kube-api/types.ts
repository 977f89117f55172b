import type { ResourceName } from './resources.js';

/** Metadata fields other than the name, as they travel on the wire (timestamps are RFC 3339 strings). */
export interface MetaFields {
  namespace?: string;
  generateName?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** What must happen before a deleted object is removed: each owner removes its own. */
  finalizers?: string[];
  [key: string]: unknown;
}

/** The metadata of a stored object: it always has a name. */
export interface ObjectMeta extends MetaFields {
  name: string;
}

/** A stored Kubernetes object in its JSON wire form; spec and status stay open-ended. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** What a caller hands to create or update: kind and apiVersion follow from the resource, a name may be generated. */
export interface KubeObjectInput {
  apiVersion?: string;
  kind?: string;
  metadata: MetaFields & { name?: string };
  [key: string]: unknown;
}

/** Names one object: namespace for namespaced kinds only. */
export interface ObjectRef {
  name: string;
  namespace?: string;
}

/** The change types a watch carries for stored objects. */
export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One committed change, at its global resourceVersion; `previous` lets filtered watches see objects leave. */
export interface StoreChange {
  type: ChangeType;
  resource: ResourceName;
  rv: number;
  object: KubeObject;
  previous?: KubeObject;
}

/** The meta/v1 Status body every failure carries. */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string };
  code: number;
}
