import { z } from 'zod';

/** Network transports an enclosure or server can speak, most performant last. */
export const TransportSchema = z.enum(['iscsi', 'nvmetcp', 'roce']);
export type Transport = z.infer<typeof TransportSchema>;

export const MediaSchema = z.enum(['hdd', 'ssd']);
export type Media = z.infer<typeof MediaSchema>;

export const DriveHealthSchema = z.enum(['ok', 'degraded', 'failed', 'offline']);
export type DriveHealth = z.infer<typeof DriveHealthSchema>;

export const EnclosureStateSchema = z.enum(['online', 'offline']);
export type EnclosureState = z.infer<typeof EnclosureStateSchema>;

export const ServerStateSchema = z.enum(['up', 'down', 'maintenance']);
export type ServerState = z.infer<typeof ServerStateSchema>;

/** Identifiers: lowercase, digits, dashes; short enough for URLs and keys. */
export const IdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, ".", "_" and "-" only');

export const SiteSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** The generator scale the simulated site was built with, or "discovered" for real hardware. */
  scale: z.enum(['small', 'large', 'discovered']),
});
export type Site = z.infer<typeof SiteSchema>;

export const RackSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** Data-centre row, for laying racks out as they stand. */
  row: z.number().int().nonnegative(),
  position: z.number().int().nonnegative(),
});
export type Rack = z.infer<typeof RackSchema>;

export const EnclosureSchema = z.object({
  id: IdSchema,
  name: z.string(),
  rack: IdSchema,
  /** JBOD: SAS drives behind a head; eBOD: Ethernet-attached bunch of drives. */
  kind: z.enum(['jbod', 'ebod']),
  model: z.string(),
  bayCount: z.number().int().positive().max(1024),
  /** Failure domain of enclosures (e.g. one power feed). */
  storageGroup: z.string(),
  /** Enclosures sharing uplink bandwidth. */
  bandwidthDomain: z.string(),
  transports: z.array(TransportSchema).min(1),
  state: EnclosureStateSchema,
});
export type Enclosure = z.infer<typeof EnclosureSchema>;

export const DriveSchema = z.object({
  id: IdSchema,
  serial: z.string().min(1),
  model: z.string(),
  enclosure: IdSchema,
  /** Bay number within the enclosure, from 0. */
  bay: z.number().int().nonnegative(),
  media: MediaSchema,
  /** Spindle speed; 0 for SSDs. */
  rpm: z.number().int().nonnegative(),
  capacityBytes: z.number().int().positive(),
  tags: z.array(z.string()),
  health: DriveHealthSchema,
});
export type Drive = z.infer<typeof DriveSchema>;

export const ServerSchema = z.object({
  id: IdSchema,
  hostname: z.string(),
  rack: IdSchema,
  transports: z.array(TransportSchema).min(1),
  state: ServerStateSchema,
});
export type Server = z.infer<typeof ServerSchema>;
