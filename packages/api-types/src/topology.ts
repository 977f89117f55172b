import { z } from 'zod';
import { DomainEventSchema } from './events.js';
import { IncidentSummarySchema } from './incident.js';
import { DriveSchema, EnclosureSchema, RackSchema, ServerSchema, SiteSchema } from './inventory.js';
import { LocateSchema } from './locate.js';
import { LiveRoomSchema } from './rooms.js';
import { VolumeSchema } from './volumes.js';

const Revision = z.number().int().nonnegative();

/** A low-cardinality string column: each row holds an index into `values`. */
export const DictColumnSchema = z.object({
  values: z.array(z.string()),
  codes: z.array(z.number().int().nonnegative()),
});
export type DictColumn = z.infer<typeof DictColumnSchema>;

/**
 * Drives column by column: at 100,000 drives a row of objects repeats every key and
 * every model name, so the snapshot would be several times larger.
 */
export const DriveColumnsSchema = z.object({
  id: z.array(z.string()),
  serial: z.array(z.string()),
  model: DictColumnSchema,
  enclosure: DictColumnSchema,
  bay: z.array(z.number().int().nonnegative()),
  media: DictColumnSchema,
  rpm: z.array(z.number().int().nonnegative()),
  capacityBytes: z.array(z.number().int().positive()),
  /** Tags joined with "," per drive ("" for none). */
  tags: DictColumnSchema,
  health: DictColumnSchema,
});
export type DriveColumns = z.infer<typeof DriveColumnsSchema>;

/** `GET /api/v1/topology`: the whole site at one store revision. */
export const TopologySnapshotSchema = z.object({
  revision: Revision,
  site: SiteSchema.nullable(),
  racks: z.array(RackSchema),
  enclosures: z.array(EnclosureSchema),
  servers: z.array(ServerSchema),
  drives: DriveColumnsSchema,
  /** Lit locate LEDs: the bays and enclosures the map makes blink. */
  locates: z.array(LocateSchema),
});
export type TopologySnapshot = z.infer<typeof TopologySnapshotSchema>;

const withRevision = { revision: Revision };

/** One change to the topology, tagged with the store revision that committed it. */
export const TopologyDeltaSchema = z.discriminatedUnion('type', [
  z.object({ ...withRevision, type: z.literal('site.put'), site: SiteSchema }),
  z.object({ ...withRevision, type: z.literal('rack.put'), rack: RackSchema }),
  z.object({ ...withRevision, type: z.literal('rack.delete'), id: z.string() }),
  z.object({ ...withRevision, type: z.literal('enclosure.put'), enclosure: EnclosureSchema }),
  z.object({ ...withRevision, type: z.literal('enclosure.delete'), id: z.string() }),
  z.object({ ...withRevision, type: z.literal('drive.put'), drive: DriveSchema }),
  z.object({ ...withRevision, type: z.literal('drive.delete'), id: z.string() }),
  z.object({ ...withRevision, type: z.literal('server.put'), server: ServerSchema }),
  z.object({ ...withRevision, type: z.literal('server.delete'), id: z.string() }),
  z.object({ ...withRevision, type: z.literal('locate.put'), locate: LocateSchema }),
  /** `id` is the locate record's: `drive/<id>` or `enclosure/<id>`. */
  z.object({ ...withRevision, type: z.literal('locate.delete'), id: z.string() }),
  z.object({ ...withRevision, type: z.literal('volume.put'), volume: VolumeSchema }),
  z.object({ ...withRevision, type: z.literal('volume.delete'), id: z.string() }),
  z.object({ ...withRevision, type: z.literal('event'), event: DomainEventSchema }),
  /** Something the podwatcher records changed (pods, claims, nodes or the cluster itself): refetch those views. */
  z.object({
    ...withRevision,
    type: z.literal('kube.changed'),
    cluster: z.string(),
    kind: z.enum(['cluster', 'pods', 'claims', 'nodes']),
  }),
  /** The incident summary changed (the `incident` room): what every page's banner shows. */
  z.object({ ...withRevision, type: z.literal('incident.summary'), summary: IncidentSummarySchema }),
]);
export type TopologyDelta = z.infer<typeof TopologyDeltaSchema>;

/**
 * Deltas for the revision range (fromRevision, toRevision]. Consecutive batches chain:
 * a batch's fromRevision is the previous batch's toRevision, so a client can see a gap.
 */
export const DeltaBatchSchema = z.object({
  fromRevision: Revision,
  toRevision: Revision,
  deltas: z.array(TopologyDeltaSchema),
});
export type DeltaBatch = z.infer<typeof DeltaBatchSchema>;

/**
 * A room's deltas for the revision range (fromRevision, toRevision]. Per room and client,
 * consecutive batches chain: a batch's fromRevision is the previous one's toRevision (or the
 * revision the join was acknowledged with), so a client can see a gap.
 */
export const RoomBatchSchema = DeltaBatchSchema.extend({ room: LiveRoomSchema });
export type RoomBatch = z.infer<typeof RoomBatchSchema>;

/**
 * Why the server asks a client to drop its state and refetch the snapshot: history it asked for
 * was compacted, a batch was too big, the revision is from another store, or the server's own
 * feed broke and was read again (no chain of deltas covers the gap).
 */
export const ResyncReasonSchema = z.enum(['compacted', 'overflow', 'future-revision', 'feed-resynced']);

/** Why the server asks a client to drop its state and refetch the snapshot. */
export const ResyncSchema = z.object({
  reason: ResyncReasonSchema,
  /** The server's current revision. */
  revision: Revision,
});
export type Resync = z.infer<typeof ResyncSchema>;

/** A room's resync: that room's data must be refetched; the room is left. */
export const RoomResyncSchema = ResyncSchema.extend({ room: LiveRoomSchema });
export type RoomResync = z.infer<typeof RoomResyncSchema>;
