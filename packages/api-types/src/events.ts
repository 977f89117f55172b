import { z } from 'zod';
import { queryWholeNumber } from './query.js';

export const SeveritySchema = z.enum(['info', 'warning', 'critical']);
export type Severity = z.infer<typeof SeveritySchema>;

export const DomainEventTypeSchema = z.enum([
  'InventoryDiscovered',
  'DriveAdded',
  'DriveRemoved',
  'DriveHealthChanged',
  'DriveFailed',
  'DriveReplaced',
  'EnclosureOffline',
  'EnclosureOnline',
  'VolumeCreated',
  'VolumeDeleted',
  'VolumeReleased',
  'VolumePublished',
  'VolumeUnpublished',
  'VolumeStaged',
  'VolumeUnstaged',
  'VolumeNodePublished',
  'VolumeNodeUnpublished',
  'VolumeExpanded',
  'VolumeDegraded',
  'VolumeFailed',
  'VolumeRecovered',
  'RebuildStarted',
  'RebuildProgress',
  'RebuildCompleted',
  /** The podwatcher: a pod's chain to a server and volumes appeared, changed server, or ended. */
  'PodBound',
  'PodMoved',
  'PodUnbound',
  /** A PVC resolved to a composer volume, or stopped resolving. */
  'ClaimBound',
  'ClaimUnbound',
  /** A watched cluster's watches opened, or failed and are being retried. */
  'ClusterWatching',
  'ClusterRetrying',
  /** A Kubernetes Event (v1 Event) mirrored into the timeline. */
  'KubernetesEvent',
]);
export type DomainEventType = z.infer<typeof DomainEventTypeSchema>;

/** A typed domain event, committed in the same transaction as the change it describes. */
export const DomainEventSchema = z.object({
  id: z.string(),
  type: DomainEventTypeSchema,
  severity: SeveritySchema,
  /** ISO-8601 time the change was decided. */
  at: z.string(),
  /** Who caused it: "hardware:simulator", "user:alice", ... */
  actor: z.string(),
  /** Pods and claims are named "cluster/namespace/name", nodes "cluster/name". */
  subject: z.object({
    kind: z.enum(['site', 'enclosure', 'drive', 'server', 'volume', 'cluster', 'node', 'pod', 'claim']),
    id: z.string(),
  }),
  message: z.string(),
  /** Store revision that committed the event; filled in when read back from the store. */
  revision: z.number().int().nonnegative().optional(),
});
export type DomainEvent = z.infer<typeof DomainEventSchema>;

const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item)).optional();

/** `GET /api/v1/events` query: newest first, paged with `before` (an event id). */
export const EventsQuerySchema = z
  .object({
    /** Only events about this object, as "kind:id" (e.g. "drive:drv-zl2fgi3u") or a bare id. */
    object: z.string().min(1).max(200).optional(),
    type: commaList(DomainEventTypeSchema),
    severity: commaList(SeveritySchema),
    /** Who caused it, by the actor's kind: "hardware", "user", "token", "system", "kubernetes" (the part before ":"). */
    source: commaList(z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a word: lowercase letters, digits, "-"')),
    /** ISO-8601 bounds on the event time. */
    since: z.iso.datetime().optional(),
    until: z.iso.datetime().optional(),
    before: z.string().max(64).optional(),
    limit: queryWholeNumber(1, 1000, 100),
  })
  .strict();
export type EventsQuery = z.infer<typeof EventsQuerySchema>;

/** The kind of actor behind an event: "hardware" for "hardware:simulator", "user" for "user:alice". */
export function eventSource(event: Pick<DomainEvent, 'actor'>): string {
  const colon = event.actor.indexOf(':');
  return colon < 0 ? event.actor : event.actor.slice(0, colon);
}

export const EventsPageSchema = z.object({
  events: z.array(DomainEventSchema),
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextBefore: z.string().nullable(),
});
export type EventsPage = z.infer<typeof EventsPageSchema>;
