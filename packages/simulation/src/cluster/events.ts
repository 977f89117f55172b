import { type KubeObject, kubeTime, type ObjectRef, type ObjectStore } from '../kube-api/index.js';

/** Who reports an Event: a controller by name, or a node's kubelet (with the node as host). */
export interface EventSource {
  component: string;
  host?: string;
}

/** An Event's involvedObject: a full object reference, as kubectl describe selects on it. */
export interface InvolvedObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string | undefined;
  uid: string;
  resourceVersion?: string | undefined;
  /** The part of the object the event is about: `spec.containers{name}` for a container. */
  fieldPath?: string | undefined;
}

/** The reference to a stored object (at its current resourceVersion), optionally to a part of it. */
export function involvedObject(object: KubeObject, fieldPath?: string): InvolvedObject {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name,
    ...(object.metadata.namespace && { namespace: object.metadata.namespace }),
    uid: object.metadata.uid ?? '',
    ...(object.metadata.resourceVersion && { resourceVersion: object.metadata.resourceVersion }),
    ...(fieldPath && { fieldPath }),
  };
}

// client-go's EventCorrelator keeps this many recent events per recorder.
const CORRELATION_CACHE = 4096;

/**
 * Records core/v1 Events the way client-go's recorder does: named `<object>.<hex nanoseconds>`,
 * in the object's namespace ("default" for cluster-scoped objects), and an event that repeats one
 * already recorded (same source, object, type, reason and message) bumps its count and
 * lastTimestamp instead of piling up.
 */
export class EventRecorder {
  private readonly recent = new Map<string, ObjectRef>();
  private sequence = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly now: () => number,
  ) {}

  record(
    source: EventSource,
    involved: InvolvedObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
    const key =
      JSON.stringify([source, involved.kind, involved.namespace, involved.name, involved.uid]) +
      JSON.stringify([involved.apiVersion, involved.fieldPath, type, reason, message]);
    const at = kubeTime(this.now());
    const seen = this.recent.get(key);
    if (seen && this.store.get('events', seen)) {
      this.store.update('events', seen, (event) => ({
        ...event,
        count: Number(event.count ?? 1) + 1,
        lastTimestamp: at,
      }));
      return;
    }
    const ref = { name: `${involved.name}.${this.suffix()}`, namespace: involved.namespace || 'default' };
    this.store.create('events', {
      metadata: ref,
      involvedObject: involved,
      reason,
      message,
      source,
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    });
    this.recent.set(key, ref);
    if (this.recent.size > CORRELATION_CACHE) this.recent.delete(this.recent.keys().next().value!);
  }

  /** Deletes events last seen more than `ttlMs` ago, as the apiserver's event TTL (1 h) does. */
  expire(ttlMs: number): void {
    const cutoff = this.now() - ttlMs;
    for (const event of this.store.list('events')) {
      const last = Date.parse(String(event.lastTimestamp ?? event.metadata.creationTimestamp));
      if (last < cutoff)
        this.store.delete('events', { name: event.metadata.name, namespace: event.metadata.namespace });
    }
  }

  // The recorder's names end in the event's time in nanoseconds, in hex; a sequence keeps events of
  // the same millisecond apart.
  private suffix(): string {
    this.sequence = (this.sequence + 1) % 1_000_000;
    return (BigInt(this.now()) * 1_000_000n + BigInt(this.sequence)).toString(16);
  }
}

/** The components of a cluster whose Events the simulated controllers record. */
export const SOURCES = {
  nodeController: { component: 'node-controller' },
  taintEviction: { component: 'taint-eviction-controller' },
  scheduler: { component: 'default-scheduler' },
  statefulSet: { component: 'statefulset-controller' },
  replicaSet: { component: 'replicaset-controller' },
  deployment: { component: 'deployment-controller' },
  attachDetach: { component: 'attachdetach-controller' },
  persistentVolume: { component: 'persistentvolume-controller' },
} satisfies Record<string, EventSource>;

/** A node's kubelet as an event source. */
export function kubeletOn(nodeName: string): EventSource {
  return { component: 'kubelet', host: nodeName };
}
