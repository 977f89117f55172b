import {
  AuditRecordSchema,
  ClaimSchema,
  ClusterSchema,
  DomainEventSchema,
  DriveSchema,
  EnclosureSchema,
  KubeNodeSchema,
  type LiveRoom,
  LocateSchema,
  MetricSampleSchema,
  PodSchema,
  RackSchema,
  ServerSchema,
  SiteSchema,
  type TopologyDelta,
  VolumeSchema,
} from '@drivebay/api-types';
import type { InventoryChange } from '@drivebay/composer';
import { z } from 'zod';
import type { JsonInput, Operation } from '../store/types.js';
import {
  FailureRecordSchema,
  LeaseRecordSchema,
  SessionRecordSchema,
  TokenRecordSchema,
  UserRecordSchema,
} from './records.js';

/**
 * The store's key layout: every collection of records, declared once with its key prefix, the
 * schema its values are parsed with, how its writes are fenced, and the live room its changes
 * go to. Nothing else builds keys or routes them by prefix; the first path segment of a key
 * names its collection.
 *
 * How writes are fenced (see docs/architecture.md, "The write path"):
 * - `state`: the domain state the composer decides on. Mirrored; written by the Committer only,
 *   comparing every key's mod revision with the one the decision read.
 * - `record`: records that are not domain state (users, sessions, tokens, lockout counters,
 *   leases). Written by their owners through the StoreWriter, each write comparing the
 *   revision it read.
 * - `history`: append-only timelines (events, audit, metric samples). A put creates a key that
 *   must be absent (ids are unique); retention deletes the oldest without compares.
 */
export type Fencing = 'state' | 'record' | 'history';

export interface Collection<T extends JsonInput, N extends string = string> {
  readonly name: N;
  /** The first path segment of every key (the whole key for a singleton). */
  readonly segment: string;
  /** `segment` + '/' (or the singleton's key): what to range over. */
  readonly prefix: string;
  readonly schema: z.ZodType<T>;
  readonly fencing: Fencing;
  /** The rooms a change of this key is sent to; undefined: it never reaches a browser. */
  rooms?(id: string): readonly LiveRoom[];
  /** What a browser receives for a change (nothing for some, e.g. an event pruned); declared exactly when `room` is. */
  delta?(change: StoredChange<T>): TopologyDelta | undefined;
}

/** A store change read back through its collection: routed once, parsed once. */
export type StoredChange<T> =
  | { type: 'put'; key: string; id: string; revision: number; value: T }
  | { type: 'delete'; key: string; id: string; revision: number };

interface Spec<T extends JsonInput> {
  segment: string;
  schema: z.ZodType<T>;
  fencing: Fencing;
  singleton?: boolean;
  rooms?: (id: string) => readonly LiveRoom[];
  delta?: (change: StoredChange<T>) => TopologyDelta | undefined;
}

function collection<const N extends string, T extends JsonInput>(name: N, spec: Spec<T>): Collection<T, N> {
  return {
    name,
    segment: spec.segment,
    prefix: spec.singleton ? spec.segment : `${spec.segment}/`,
    schema: spec.schema,
    fencing: spec.fencing,
    ...(spec.rooms && { rooms: spec.rooms }),
    ...(spec.delta && { delta: spec.delta }),
  };
}

const topology = (): readonly LiveRoom[] => ['topology'];
/** Every cluster's room, and the record's own (`<cluster>/…`: the cluster is the first part of its id). */
const kubeRooms = (id: string): readonly LiveRoom[] => ['kube', `kube:${id.split('/', 1)[0] ?? ''}`];

/** Inventory deltas: `<kind>.put` with the record, `<kind>.delete` with the id. */
function inventoryDelta<K extends 'rack' | 'enclosure' | 'drive' | 'server'>(kind: K) {
  return (change: StoredChange<JsonInput>): TopologyDelta =>
    (change.type === 'put'
      ? { revision: change.revision, type: `${kind}.put`, [kind]: change.value }
      : { revision: change.revision, type: `${kind}.delete`, id: change.id }) as TopologyDelta;
}

/** Which drives' data a volume holds: rewriting it is how concurrent compositions collide safely. */
export const AllocationRecordSchema = z.object({ driveId: z.string(), volumes: z.array(z.string()) });
export type AllocationRecord = z.infer<typeof AllocationRecordSchema>;

function kubeChanged(kind: 'cluster' | 'pods' | 'claims' | 'nodes') {
  return (change: StoredChange<JsonInput>): TopologyDelta => ({
    revision: change.revision,
    type: 'kube.changed',
    cluster: change.id.split('/', 1)[0] ?? '',
    kind,
  });
}

export const collections = {
  site: collection('site', {
    segment: 'site',
    singleton: true,
    schema: SiteSchema,
    fencing: 'state',
    rooms: topology,
    // The site is never deleted, only replaced.
    delta: (change) =>
      change.type === 'put' ? { revision: change.revision, type: 'site.put', site: change.value } : undefined,
  }),
  racks: collection('racks', {
    segment: 'racks',
    schema: RackSchema,
    fencing: 'state',
    rooms: topology,
    delta: inventoryDelta('rack'),
  }),
  enclosures: collection('enclosures', {
    segment: 'enclosures',
    schema: EnclosureSchema,
    fencing: 'state',
    rooms: topology,
    delta: inventoryDelta('enclosure'),
  }),
  drives: collection('drives', {
    segment: 'drives',
    schema: DriveSchema,
    fencing: 'state',
    rooms: topology,
    delta: inventoryDelta('drive'),
  }),
  servers: collection('servers', {
    segment: 'servers',
    schema: ServerSchema,
    fencing: 'state',
    rooms: topology,
    delta: inventoryDelta('server'),
  }),
  volumes: collection('volumes', {
    segment: 'volumes',
    schema: VolumeSchema,
    fencing: 'state',
    rooms: () => ['volumes'],
    delta: (change) =>
      change.type === 'put'
        ? { revision: change.revision, type: 'volume.put', volume: change.value }
        : { revision: change.revision, type: 'volume.delete', id: change.id },
  }),
  /** Lit locate LEDs, `drive/<id>` or `enclosure/<id>`: set on the hardware, then recorded here. */
  locates: collection('locates', {
    segment: 'locates',
    schema: LocateSchema,
    fencing: 'state',
    rooms: topology,
    delta: (change) =>
      change.type === 'put'
        ? { revision: change.revision, type: 'locate.put', locate: change.value }
        : { revision: change.revision, type: 'locate.delete', id: change.id },
  }),
  /** One key per drive that holds volume data, naming the volumes on it. */
  allocations: collection('allocations', {
    segment: 'allocations',
    schema: AllocationRecordSchema,
    fencing: 'state',
  }),
  /** What the podwatcher of each cluster records; ids start with the cluster (Kubernetes names hold no "/"). */
  clusters: collection('clusters', {
    segment: 'clusters',
    schema: ClusterSchema,
    fencing: 'state',
    rooms: kubeRooms,
    delta: kubeChanged('cluster'),
  }),
  nodes: collection('nodes', {
    segment: 'nodes',
    schema: KubeNodeSchema,
    fencing: 'state',
    rooms: kubeRooms,
    delta: kubeChanged('nodes'),
  }),
  claims: collection('claims', {
    segment: 'claims',
    schema: ClaimSchema,
    fencing: 'state',
    rooms: kubeRooms,
    delta: kubeChanged('claims'),
  }),
  pods: collection('pods', {
    segment: 'pods',
    schema: PodSchema,
    fencing: 'state',
    rooms: kubeRooms,
    delta: kubeChanged('pods'),
  }),
  /** Domain events; ids sort by time, then by a sequence unique within the process. */
  events: collection('events', {
    segment: 'events',
    schema: DomainEventSchema,
    fencing: 'history',
    rooms: () => ['events'],
    delta: (change) =>
      change.type === 'put'
        ? { revision: change.revision, type: 'event', event: { ...change.value, revision: change.revision } }
        : undefined,
  }),
  audit: collection('audit', { segment: 'audit', schema: AuditRecordSchema, fencing: 'history' }),
  /** Samples of the site's figures; keys are ISO times, so they sort by time. */
  metrics: collection('metrics', { segment: 'metrics', schema: MetricSampleSchema, fencing: 'history' }),
  users: collection('users', { segment: 'users', schema: UserRecordSchema, fencing: 'record' }),
  /** Sessions under the SHA-256 of their cookie value. */
  sessions: collection('sessions', { segment: 'sessions', schema: SessionRecordSchema, fencing: 'record' }),
  tokens: collection('tokens', { segment: 'tokens', schema: TokenRecordSchema, fencing: 'record' }),
  /** Failed sign-ins: `account/<username>` and `address/<ip>`. */
  authFailures: collection('authFailures', {
    segment: 'auth-failures',
    schema: FailureRecordSchema,
    fencing: 'record',
  }),
  /** Singletons' leases, e.g. `podwatcher/<cluster>`. */
  leases: collection('leases', { segment: 'leases', schema: LeaseRecordSchema, fencing: 'record' }),
};

export type Collections = typeof collections;
export type CollectionName = keyof Collections;
/** The record type a collection holds. */
export type RecordOf<N extends CollectionName> =
  Collections[N] extends Collection<infer T extends JsonInput> ? T : never;

/**
 * A collection by name, typed with its record. TypeScript cannot follow a name to its entry's
 * type through a generic index, so the registry lookup is cast once, here.
 */
export function collectionOf<N extends CollectionName>(name: N): Collection<RecordOf<N>, N> {
  return collections[name] as unknown as Collection<RecordOf<N>, N>;
}

/** The store key of a record: the collection's prefix, then its id. */
export function keyOf<N extends CollectionName>(name: N, id: string): string {
  const c = collections[name];
  return c.prefix === c.segment ? c.segment : `${c.prefix}${id}`;
}

/** The put of a record into its collection. */
export function putRecord<N extends CollectionName>(
  name: N,
  id: string,
  value: RecordOf<N>,
): Operation & { type: 'put' } {
  return { type: 'put', key: keyOf(name, id), value };
}

/** The delete of a record from its collection. */
export function deleteRecord(name: CollectionName, id: string): Operation & { type: 'delete' } {
  return { type: 'delete', key: keyOf(name, id) };
}

/** The write of a change the composer decided on the inventory. */
export function inventoryWrite(change: InventoryChange): Operation {
  switch (change.kind) {
    case 'site':
      return change.op === 'put' ? putRecord('site', '', change.value) : deleteRecord('site', '');
    case 'rack':
      return change.op === 'put'
        ? putRecord('racks', change.value.id, change.value)
        : deleteRecord('racks', change.id);
    case 'enclosure':
      return change.op === 'put'
        ? putRecord('enclosures', change.value.id, change.value)
        : deleteRecord('enclosures', change.id);
    case 'drive':
      return change.op === 'put'
        ? putRecord('drives', change.value.id, change.value)
        : deleteRecord('drives', change.id);
    case 'server':
      return change.op === 'put'
        ? putRecord('servers', change.value.id, change.value)
        : deleteRecord('servers', change.id);
  }
}

/**
 * Key prefixes earlier versions wrote and this one no longer reads; deleted at start so that a
 * stored site from before carries nothing stale (podwatcher records are rebuilt by relisting).
 */
export const retiredPrefixes = ['kube/'] as const;

/** A collection whatever its record type, as routing sees it. */
export type AnyCollection = Collection<JsonInput>;

/** A parsed change tagged with its collection's name, so a switch on the name knows the value's type. */
export type TypedChange = {
  [N in CollectionName]: { name: N; change: StoredChange<RecordOf<N>> };
}[CollectionName];

/**
 * Tags a change with its collection. The one cast of the key layout, and a sound one: `change`
 * was routed to `collection` by its key and its value parsed by that collection's schema.
 */
export function typedChange(collection: AnyCollection, change: StoredChange<JsonInput>): TypedChange {
  return { name: collection.name, change } as TypedChange;
}

const bySegment = new Map<string, AnyCollection>(
  Object.values(collections).map((c) => [c.segment, c as AnyCollection]),
);

/** The collection a key belongs to, by its first path segment; undefined for a key no collection declares. */
export function collectionOfKey(key: string): AnyCollection | undefined {
  const slash = key.indexOf('/');
  const found = bySegment.get(slash < 0 ? key : key.slice(0, slash));
  if (!found) return undefined;
  // A singleton has no id after its segment; a collection's records all have one.
  return (found.prefix === found.segment) === slash < 0 ? found : undefined;
}

/** The id part of a key of `collection`. */
export function idOfKey(collection: AnyCollection, key: string): string {
  return collection.prefix === collection.segment ? '' : key.slice(collection.prefix.length);
}
