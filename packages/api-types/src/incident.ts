import { z } from 'zod';
import { DriveHealthSchema, IdSchema } from './inventory.js';
import { VolumeHealthSchema, VolumeImpactSchema, VolumeLayoutSchema } from './volumes.js';

const Revision = z.number().int().nonnegative();
const Count = z.number().int().nonnegative();

/**
 * What the incident banner counts, derived by the composer from the state at one revision.
 * An incident is active while anything is failed, degraded or offline; rebuilds alone are
 * recovery and keep the counts listed without making one.
 */
export const IncidentSummarySchema = z.object({
  revision: Revision,
  active: z.boolean(),
  enclosuresOffline: Count,
  drives: z.object({ failed: Count, offline: Count, degraded: Count }),
  volumes: z.object({ failed: Count, degraded: Count, rebuilding: Count }),
  /** Pods and PVCs on volumes that are not healthy. */
  podsAffected: Count,
  claimsAffected: Count,
});
export type IncidentSummary = z.infer<typeof IncidentSummarySchema>;

/** The health of data that is not healthy. */
export const AffectedHealthSchema = VolumeHealthSchema.exclude(['healthy']);
export type AffectedHealth = z.infer<typeof AffectedHealthSchema>;

export const AffectedDriveSchema = z.object({
  id: IdSchema,
  serial: z.string(),
  health: DriveHealthSchema.exclude(['ok']),
  enclosureId: IdSchema,
  bay: z.number().int().nonnegative(),
});
export type AffectedDrive = z.infer<typeof AffectedDriveSchema>;

/** A volume that lost a copy or all copies, or is rebuilding one. */
export const AffectedVolumeSchema = z.object({
  id: IdSchema,
  name: z.string(),
  cluster: z.string(),
  layout: VolumeLayoutSchema,
  /** Which list it is in, by the health model: availability, redundancy or rebuilding. */
  impact: VolumeImpactSchema,
  /** Drives of the volume's members that are failed or rebuilding. */
  drives: z.array(IdSchema),
  /** "namespace/name" of the PVCs bound to it (empty without Kubernetes data). */
  claims: z.array(z.string()),
  /** While rebuilding: the slowest copy's progress (0..1) and the latest ETA. */
  rebuild: z.object({ progress: z.number().min(0).max(1), eta: z.string() }).optional(),
});
export type AffectedVolume = z.infer<typeof AffectedVolumeSchema>;

/** A pod whose volumes are failed, degraded or rebuilding. */
export const AffectedPodSchema = z.object({
  cluster: z.string(),
  namespace: z.string(),
  name: z.string(),
  /** The worst health of its volumes. */
  health: AffectedHealthSchema,
  /** "StatefulSet/cassandra"; null for a pod nothing owns. */
  workload: z.string().nullable(),
  phase: z.string(),
  node: z.string().nullable(),
  server: z.string().nullable(),
  /** The server's hostname, when the site knows the server. */
  serverHostname: z.string().nullable(),
  claims: z.array(z.string()),
  volumeIds: z.array(z.string()),
});
export type AffectedPod = z.infer<typeof AffectedPodSchema>;

/** A PVC whose volume is failed, degraded or rebuilding. */
export const AffectedClaimSchema = z.object({
  cluster: z.string(),
  namespace: z.string(),
  name: z.string(),
  health: AffectedHealthSchema,
  volumeId: z.string().nullable(),
  storageClass: z.string().nullable(),
  /** Pods (same namespace) that mount it. */
  pods: z.array(z.string()),
  /** "StatefulSet/cassandra": the workload of the pods that mount it. */
  workload: z.string().nullable(),
  /** Servers those pods run on. */
  servers: z.array(z.string()),
});
export type AffectedClaim = z.infer<typeof AffectedClaimSchema>;

/** `GET /api/v1/incident`: what an incident touches, worst first, at one revision; also the postmortem's JSON. */
export const IncidentReportSchema = z.object({
  generatedAt: z.string(),
  revision: Revision,
  site: z.string().nullable(),
  summary: IncidentSummarySchema,
  enclosuresOffline: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      rack: z.string(),
      /** A drive in it, to open the map there; null for an empty enclosure. */
      firstDriveId: z.string().nullable(),
    }),
  ),
  drives: z.array(AffectedDriveSchema),
  /** Volumes with no complete copy left: their data is unavailable. */
  lostAvailability: z.array(AffectedVolumeSchema),
  /** Volumes still served, but one more failure away from losing data. */
  lostRedundancy: z.array(AffectedVolumeSchema),
  rebuilding: z.array(AffectedVolumeSchema),
  /** Pods whose volumes are failed, degraded or rebuilding, worst first. */
  pods: z.array(AffectedPodSchema),
  /** PVCs whose volume is failed, degraded or rebuilding, worst first. */
  claims: z.array(AffectedClaimSchema),
  /** Whether any cluster is watched (without one, no pod or PVC can be named). */
  clustersWatched: Count,
});
export type IncidentReport = z.infer<typeof IncidentReportSchema>;
