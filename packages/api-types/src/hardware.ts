import { z } from 'zod';
import { DriveSchema, EnclosureSchema, IdSchema, RackSchema, ServerSchema, SiteSchema } from './inventory.js';

/**
 * What a hardware source (the simulator now, Redfish later) reports. The ingest path turns
 * observations into store changes; nothing else writes hardware state.
 */
export const EnclosureReportSchema = z.object({
  type: z.literal('enclosure'),
  enclosure: EnclosureSchema,
  /** Every drive the enclosure currently holds; a bay missing here is empty. */
  drives: z.array(DriveSchema),
});

export const EnclosureUnreachableSchema = z.object({
  type: z.literal('enclosure-unreachable'),
  enclosureId: IdSchema,
});

export const InventoryReportSchema = z.object({
  type: z.literal('inventory'),
  site: SiteSchema,
  racks: z.array(RackSchema),
  enclosures: z.array(z.object({ enclosure: EnclosureSchema, drives: z.array(DriveSchema) })),
  servers: z.array(ServerSchema),
});

/**
 * Several enclosures' reports at once, decided and committed together: a source that polls many
 * enclosures (or a storm) costs one transaction instead of one per enclosure. Each enclosure at most once.
 */
export const EnclosureBatchSchema = z.object({
  type: z.literal('enclosures'),
  reports: z
    .array(EnclosureReportSchema)
    .min(1)
    .max(2_000)
    .refine((reports) => new Set(reports.map((r) => r.enclosure.id)).size === reports.length, {
      message: 'each enclosure at most once in a batch',
    }),
});

export const HardwareObservationSchema = z.discriminatedUnion('type', [
  InventoryReportSchema,
  EnclosureReportSchema,
  EnclosureUnreachableSchema,
  EnclosureBatchSchema,
]);
export type HardwareObservation = z.infer<typeof HardwareObservationSchema>;
export type EnclosureReport = z.infer<typeof EnclosureReportSchema>;
export type InventoryReport = z.infer<typeof InventoryReportSchema>;

/** Faults an admin can inject into the simulated site. */
export const FaultRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('drive-fail'), driveId: IdSchema }),
  z.object({ kind: z.literal('drive-degrade'), driveId: IdSchema }),
  z.object({ kind: z.literal('drive-replace'), driveId: IdSchema }),
  z.object({ kind: z.literal('enclosure-offline'), enclosureId: IdSchema }),
  z.object({ kind: z.literal('enclosure-online'), enclosureId: IdSchema }),
  /** A server (and so its Kubernetes node) going down or coming back: pods on it move. */
  z.object({ kind: z.literal('server-down'), serverId: IdSchema }),
  z.object({ kind: z.literal('server-up'), serverId: IdSchema }),
  /**
   * A storm for load tests and demos: healthy drives turn degraded and degraded ones recover,
   * `perSecond` changes a second until `changes` are made. Bounded: at most 100,000 changes
   * at 5,000 a second.
   */
  z.object({
    kind: z.literal('drive-storm'),
    changes: z.number().int().min(1).max(100_000),
    perSecond: z.number().int().min(1).max(5_000),
  }),
]);
export type FaultRequest = z.infer<typeof FaultRequestSchema>;

export const FaultResultSchema = z.object({
  accepted: z.literal(true),
  /** Store revision at which the fault's effect was committed (0 for a storm, whose changes follow). */
  revision: z.number().int().nonnegative(),
  /** For drive-replace: the id of the new drive in the bay. */
  newDriveId: z.string().optional(),
});
export type FaultResult = z.infer<typeof FaultResultSchema>;
