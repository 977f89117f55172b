import { z } from 'zod';
import { IdSchema } from './inventory.js';

/**
 * What the console shows of the Redfish source: each service's state (a failing one in the
 * Overview), and the enclosure panel's "source".
 */
export const RedfishServiceStatusSchema = z.object({
  /** The service root, without credentials: what the operator configured. */
  url: z.string(),
  /** connecting: first scan under way; up: answering; down: not answering (its enclosures offline). */
  state: z.enum(['connecting', 'up', 'down', 'stopped']),
  /** How changes are followed: the EventService's SSE stream, or polling with ETags. */
  changes: z.enum(['sse', 'polling', 'none']),
  /** When the service last answered a request (ISO time). */
  lastSeen: z.string().nullable(),
  /** The last failure, said without credentials, and when. */
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  /** The enclosures it reported in its last scan. */
  enclosures: z.array(IdSchema),
  drives: z.number().int().nonnegative(),
  /** The last full scan: when, how long, how many requests. */
  lastScan: z
    .object({
      at: z.string(),
      durationMs: z.number().nonnegative(),
      requests: z.number().int().nonnegative(),
    })
    .nullable(),
  /** Defaults that stood in for missing properties, once each. */
  notes: z.array(z.string()),
  /** Resources that could not be read or mapped in the last scan (at most 50). */
  problems: z.array(z.string()),
});
export type RedfishServiceStatus = z.infer<typeof RedfishServiceStatusSchema>;

/** Where one enclosure comes from, and what its hardware says about itself. */
export const EnclosureSourceSchema = z.object({
  enclosureId: IdSchema,
  /** The service's root URL (as in RedfishServiceStatus.url). */
  service: z.string(),
  /** The chassis resource, e.g. /redfish/v1/Chassis/enc-1. */
  path: z.string(),
  lastSeen: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  serialNumber: z.string().nullable(),
  partNumber: z.string().nullable(),
  firmwareVersion: z.string().nullable(),
  /** Redfish Status.State and Status.Health of the chassis, as the service said them. */
  state: z.string().nullable(),
  health: z.string().nullable(),
});
export type EnclosureSource = z.infer<typeof EnclosureSourceSchema>;

/** GET /api/v1/hardware/sources: every Redfish service the hardware comes from (none in-process). */
export const HardwareSourcesSchema = z.object({
  /** The hardware source's name: "redfish", or "simulator" for the in-process site. */
  source: z.string(),
  services: z.array(RedfishServiceStatusSchema),
});
export type HardwareSources = z.infer<typeof HardwareSourcesSchema>;
