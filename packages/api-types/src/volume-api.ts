import { z } from 'zod';
import { IdSchema, ServerSchema } from './inventory.js';
import { queryWholeNumber } from './query.js';
import {
  StorageClassParametersSchema,
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

/** `POST /api/v1/capacity/available` (CSI GetCapacity): the StorageClass parameters to ask about. */
export const CapacityQuerySchema = z
  .object({ parameters: StorageClassParametersSchema.default(StorageClassParametersSchema.parse({})) })
  .strict();
export type CapacityQuery = z.infer<typeof CapacityQuerySchema>;

/** What could still be composed with those parameters, now. */
export const AvailableCapacitySchema = z.object({
  /** Usable bytes free for such volumes, as a decimal string: a site's capacity passes 2^53. */
  availableBytes: z.string().regex(/^\d+$/),
  /** The largest single volume that could be composed now (0 if none). */
  maximumVolumeBytes: z.number().int().nonnegative(),
  /** The smallest volume these parameters allow (their minVolumeSize, or one GiB for slices). */
  minimumVolumeBytes: z.number().int().nonnegative(),
  /** How the numbers were reached, for an operator reading CSIStorageCapacity. */
  explanation: z.array(z.string()),
});
export type AvailableCapacity = z.infer<typeof AvailableCapacitySchema>;

/** `POST /api/v1/volumes/:id/csi-errors`: a node plugin reports a host step that failed. */
export const CsiErrorReportSchema = z
  .object({
    rpc: z.string().regex(/^[A-Z][A-Za-z]{2,63}$/, 'a CSI RPC name such as NodeStageVolume'),
    code: z.string().regex(/^[A-Z_]{3,32}$/, 'a gRPC code name such as INTERNAL'),
    message: z.string().min(1).max(2000),
  })
  .strict();
export type CsiErrorReport = z.infer<typeof CsiErrorReportSchema>;

/** `GET /api/v1/servers?hostname=`: a node plugin finding the server it runs on. */
export const ServerQuerySchema = z.object({ hostname: z.string().min(1).max(253).optional() }).strict();
export const ServerListSchema = z.object({ servers: z.array(ServerSchema) });
export type ServerList = z.infer<typeof ServerListSchema>;

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
    /**
     * Only volumes whose name sorts after this one: a cursor for paging (CSI ListVolumes) that
     * neither skips nor repeats a volume while others are created or deleted between pages.
     */
    after: z.string().min(1).max(253).optional(),
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
