import { z } from 'zod';
import { IdSchema } from './inventory.js';
import { queryWholeNumber } from './query.js';
import {
  type Volume,
  VolumeHealthSchema,
  VolumeLifecycleSchema,
  VolumeSchema,
  VolumeTypeSchema,
} from './volumes.js';

const path = z.string().min(1).max(1024);

/** `POST /api/v1/volumes/:id/publish` (CSI ControllerPublishVolume) and `/unpublish`. */
export const PublishRequestSchema = z.object({ serverId: IdSchema }).strict();
/** `POST /api/v1/volumes/:id/stage` (NodeStageVolume) and `/unstage`. */
export const StageRequestSchema = z.object({ stagingPath: path }).strict();
/** `POST /api/v1/volumes/:id/node-publish` (NodePublishVolume) and `/node-unpublish`. */
export const NodePublishRequestSchema = z.object({ targetPath: path }).strict();
/** `POST /api/v1/volumes/:id/expand` (ControllerExpandVolume): the new size in bytes. */
export const ExpandRequestSchema = z.object({ capacityBytes: z.number().int().positive() }).strict();
/** `DELETE /api/v1/volumes/:id?purge=true`: also give back the storage of a Released (retained) volume. */
export const DeleteQuerySchema = z
  .object({
    purge: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .strict();

/** The reasoning behind a placement, shown by the dry run and on composition. */
export const PlacementReportSchema = z.object({
  explanation: z.array(z.string()),
  warnings: z.array(z.string()),
});

/** `POST /api/v1/volumes`: the volume, whether this call created it, and why it was placed so. */
export const ComposeResponseSchema = z.object({
  volume: VolumeSchema,
  created: z.boolean(),
  placement: PlacementReportSchema.nullable(),
});
export type ComposeResponse = z.infer<typeof ComposeResponseSchema>;

/** `POST /api/v1/placement/preview`: what would be chosen and why; nothing is allocated. */
export const PlacementPreviewSchema = z.discriminatedUnion('feasible', [
  z.object({
    feasible: z.literal(true),
    layout: z.enum(['single', 'raid1', 'raid10']),
    media: z.enum(['hdd', 'ssd']),
    capacityBytes: z.number().int().positive(),
    members: VolumeSchema.shape.members,
    ...PlacementReportSchema.shape,
  }),
  z.object({
    feasible: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
  }),
]);
export type PlacementPreview = z.infer<typeof PlacementPreviewSchema>;

/** `GET /api/v1/volumes` filters; sorted by name, paged with offset/limit. */
export const VolumeListQuerySchema = z
  .object({
    lifecycle: VolumeLifecycleSchema.optional(),
    health: VolumeHealthSchema.optional(),
    type: VolumeTypeSchema.optional(),
    cluster: IdSchema.optional(),
    storageGroup: z.string().min(1).optional(),
    /** Only volumes with a member on this drive. */
    drive: IdSchema.optional(),
    /** Volumes whose name, PVC ("namespace/name"), workload or pods contain this text (any case). */
    q: z.string().trim().min(1).max(200).optional(),
    offset: queryWholeNumber(0, 1e12, 0),
    limit: queryWholeNumber(1, 1000, 100),
  })
  .strict();
export type VolumeListQuery = z.infer<typeof VolumeListQuerySchema>;

/** What the list's `q` means, for the server and the console alike: a case-blind substring of who the volume is. */
export function volumeMatchesText(volume: Volume, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  const { binding } = volume;
  const haystack = [
    volume.name,
    volume.id,
    binding && `${binding.namespace}/${binding.claim}`,
    binding?.workload,
    ...(binding?.pods ?? []),
  ];
  return haystack.some((text) => text?.toLowerCase().includes(needle));
}

export const VolumeListSchema = z.object({
  volumes: z.array(VolumeSchema),
  total: z.number().int().nonnegative(),
});
export type VolumeList = z.infer<typeof VolumeListSchema>;
