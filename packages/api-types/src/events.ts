import { z } from 'zod';

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
  subject: z.object({ kind: z.enum(['site', 'enclosure', 'drive', 'server', 'volume']), id: z.string() }),
  message: z.string(),
  /** Store revision that committed the event; filled in when read back from the store. */
  revision: z.number().int().nonnegative().optional(),
});
export type DomainEvent = z.infer<typeof DomainEventSchema>;
