import { randomUUID } from 'node:crypto';
import { ChangeHistory, type Compacted, isCompacted, rewind } from './change-history.js';
import { deepFreeze, kubeTime, objectKey, thaw } from './object-meta.js';
import { buildCreated, buildReplacement } from './object-write.js';
import { RESOURCES, type ResourceName, resourceDef } from './resources.js';
import { alreadyExists, KubeApiError, notFound } from './status.js';
import type { ChangeType, KubeObject, KubeObjectInput, ObjectRef, StoreChange } from './types.js';

/** Tuning of the simulated etcd: how much history it keeps, and the clock and uid source it uses. */
export interface ObjectStoreOptions {
  /** Changes kept for watch resumption before the oldest expire (default 10,000). */
  historyLimit?: number;
  now?: () => number;
  newUid?: () => string;
}

/** A change to apply: a whole replacement, or a function of (a mutable copy of) the current object. */
export type ObjectChange = KubeObjectInput | ((current: KubeObject) => KubeObjectInput);

/**
 * The simulated cluster's state: objects of every kind under one global, monotonically increasing
 * resourceVersion (like etcd's revision), and the bounded change history that watches replay.
 * Stored objects are frozen, so lists hand them out without copying.
 */
export class ObjectStore {
  private rv = 0;
  private readonly objects = new Map<ResourceName, Map<string, KubeObject>>(
    RESOURCES.map((def) => [def.plural, new Map()]),
  );
  private readonly history: ChangeHistory;
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly now: () => number;
  private readonly newUid: () => string;

  constructor(options: ObjectStoreOptions = {}) {
    this.history = new ChangeHistory(options.historyLimit ?? 10_000);
    this.now = options.now ?? Date.now;
    this.newUid = options.newUid ?? randomUUID;
    // Every real cluster has these, and kubectl defaults to `default`.
    for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system'])
      this.create('namespaces', { metadata: { name } });
  }

  /** The latest committed resourceVersion. */
  get resourceVersion(): number {
    return this.rv;
  }

  /** Every resourceVersion at or below this is gone from history; watches from there get 410. */
  get compactedTo(): number {
    return this.history.compactedTo;
  }

  get(resource: ResourceName, ref: ObjectRef): KubeObject | undefined {
    return this.table(resource).get(objectKey(this.namespaceOf(resource, ref.namespace), ref.name));
  }

  /** Objects of a kind in key order (namespace, then name), optionally in one namespace. */
  list(resource: ResourceName, namespace?: string): KubeObject[] {
    const all = [...this.table(resource).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const items = all.map(([, object]) => object);
    return namespace ? items.filter((object) => object.metadata.namespace === namespace) : items;
  }

  /** Objects of a kind as they were at `rv`, rebuilt by undoing later changes; Compacted if too old. */
  listAt(resource: ResourceName, rv: number): KubeObject[] | Compacted {
    const later = this.history.since(rv);
    return isCompacted(later) ? later : rewind(this.list(resource), later, resource);
  }

  /** Stores a new object; its namespace must exist and its name be free. */
  create(resource: ResourceName, input: KubeObjectInput): KubeObject {
    const def = resourceDef(resource);
    const namespace = this.namespaceOf(resource, input.metadata.namespace);
    if (namespace && !this.get('namespaces', { name: namespace }))
      throw new KubeApiError(notFound(resourceDef('namespaces'), namespace));
    const object = buildCreated(def, input, { namespace, uid: this.newUid(), now: this.now() });
    if (this.get(resource, { name: object.metadata.name, namespace }))
      throw new KubeApiError(alreadyExists(def, object.metadata.name));
    return this.commit('ADDED', resource, object);
  }

  /** Replaces or rewrites an object; a stale metadata.resourceVersion in a replacement is a Conflict. */
  update(resource: ResourceName, ref: ObjectRef, change: ObjectChange): KubeObject {
    const def = resourceDef(resource);
    const current = this.get(resource, ref);
    if (!current) throw new KubeApiError(notFound(def, ref.name));
    const next = typeof change === 'function' ? change(thaw(current)) : structuredClone(change);
    const object = buildReplacement(def, current, next);
    // Like the apiserver, a write that changes nothing commits nothing and keeps the resourceVersion.
    if (JSON.stringify(object) === JSON.stringify(current)) return current;
    const finalized =
      object.metadata.deletionTimestamp &&
      (object.metadata.finalizers ?? []).length === 0 &&
      (current.metadata.finalizers ?? []).length > 0;
    if (finalized) return this.commit('DELETED', resource, object, current);
    return this.commit('MODIFIED', resource, object, current);
  }

  /** Removes an object (a namespace takes its contents with it) and answers its last state. */
  delete(resource: ResourceName, ref: ObjectRef): KubeObject {
    const current = this.get(resource, ref);
    if (!current) throw new KubeApiError(notFound(resourceDef(resource), ref.name));
    if (resource === 'namespaces') this.deleteContents(ref.name);
    return this.commit('DELETED', resource, thaw(current), current);
  }

  /**
   * Starts a graceful deletion, as the apiserver does for a pod on a node: the object stays, with
   * deletionTimestamp `gracePeriodSeconds` ahead, until its kubelet (or a force delete) removes it.
   * A deletion under way can only be shortened, never pushed back; 0 removes the object at once.
   */
  beginDelete(resource: ResourceName, ref: ObjectRef, gracePeriodSeconds: number): KubeObject {
    const current = this.get(resource, ref);
    if (!current) throw new KubeApiError(notFound(resourceDef(resource), ref.name));
    // An object with finalizers is only marked: the controllers that own them remove them, and
    // the last one's removal deletes it (see update), as the apiserver does.
    if ((current.metadata.finalizers ?? []).length > 0 && gracePeriodSeconds <= 0) {
      if (current.metadata.deletionTimestamp) return current;
      const object = thaw(current);
      object.metadata.deletionTimestamp = kubeTime(this.now());
      object.metadata.deletionGracePeriodSeconds = 0;
      return this.commit('MODIFIED', resource, object, current);
    }
    if (gracePeriodSeconds <= 0) return this.delete(resource, ref);
    const deadline = this.now() + gracePeriodSeconds * 1000;
    const { deletionTimestamp, deletionGracePeriodSeconds } = current.metadata;
    if (deletionTimestamp && Number(deletionGracePeriodSeconds) <= gracePeriodSeconds) return current;
    const object = thaw(current);
    object.metadata.deletionTimestamp = kubeTime(deadline);
    object.metadata.deletionGracePeriodSeconds = gracePeriodSeconds;
    return this.commit('MODIFIED', resource, object, current);
  }

  /** Drops history up to `rv` (at most the current one): later watches from before it expire. */
  compact(rv: number): void {
    this.history.compact(Math.min(rv, this.rv));
  }

  /** Changes after `rv` across all kinds, or Compacted when some are gone. */
  changesSince(rv: number): StoreChange[] | Compacted {
    return this.history.since(rv);
  }

  /** Calls `listener` synchronously after every commit; answers the unsubscribe. */
  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private commit(type: ChangeType, resource: ResourceName, object: KubeObject, previous?: KubeObject) {
    this.rv += 1;
    object.metadata.resourceVersion = String(this.rv);
    const stored = deepFreeze(object);
    const key = objectKey(stored.metadata.namespace, stored.metadata.name);
    if (type === 'DELETED') this.table(resource).delete(key);
    else this.table(resource).set(key, stored);
    const change: StoreChange = {
      type,
      resource,
      rv: this.rv,
      object: stored,
      ...(previous && { previous }),
    };
    this.history.append(change);
    for (const listener of this.listeners) listener(change);
    return stored;
  }

  private deleteContents(namespace: string): void {
    for (const def of RESOURCES) {
      if (!def.namespaced) continue;
      for (const object of this.list(def.plural, namespace))
        this.delete(def.plural, { name: object.metadata.name, namespace });
    }
  }

  private namespaceOf(resource: ResourceName, namespace: string | undefined): string | undefined {
    return resourceDef(resource).namespaced ? namespace || 'default' : undefined;
  }

  private table(resource: ResourceName): Map<string, KubeObject> {
    return this.objects.get(resource)!;
  }
}
