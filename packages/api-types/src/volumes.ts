import { z } from 'zod';
import { IdSchema, TransportSchema } from './inventory.js';
import { quantityBytes } from './quantity.js';

const GiB = 1024 ** 3;

/**
 * StorageClass parameters arrive from Kubernetes as strings ("true", "iscsi,roce"); from the
 * console and scripts as JSON. Both are accepted.
 */
const flag = (fallback: boolean) =>
  z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()).default(fallback);
const list = <T extends z.ZodType>(item: T) =>
  z
    .preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : v,
      z.array(item),
    )
    .default([]);
/**
 * A count: a JSON number, or (as Kubernetes writes every StorageClass parameter) a string of
 * digits. Nothing else is coerced: "0x10", "1e3" or " 12" are refused, not read as numbers.
 */
const count = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : v),
  z.number({ error: 'a whole number (digits only)' }).int(),
);
/**
 * Bytes: a whole number, or a size written as Kubernetes does ("500Gi", "2T", "1.5Ti"), parsed
 * as such. Any other string is refused with what is allowed.
 */
const bytes = z.preprocess(
  (v) => (typeof v === 'string' ? (quantityBytes(v) ?? v) : v),
  z.number({ error: 'a whole number of bytes, or a size such as 500Gi, 2Ti or 1T' }).int().positive(),
);

/** Tags are plain words: no commas (StorageClass lists are comma-separated). */
export const TagSchema = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-"');

export const VolumeTypeSchema = z.enum(['hdd', 'ssd', 'slice']);
export type VolumeType = z.infer<typeof VolumeTypeSchema>;

/** Every DriveScale StorageClass option (seed 002, slides 31–32), with its default. */
export const StorageClassParametersSchema = z
  .object({
    /** hdd | ssd | slice: whole HDDs, whole SSDs, or a right-sized 1 GiB-aligned slice of an SSD. */
    type: VolumeTypeSchema.default('hdd'),
    /** Minimum drive RPM; ignored for ssd and slice. */
    rpm: count.pipe(z.number().int().min(0).max(20_000)).optional(),
    fsType: z.enum(['ext4', 'xfs']).default('ext4'),
    /** If the size does not fit on one drive, build RAID10 across whole drives. Not for slices. */
    striping: flag(true),
    /** RAID1 mirror, so the volume survives a drive failure. */
    redundancy: flag(false),
    /** Most drives in one RAID set. */
    raidMaxDrives: count.pipe(z.number().int().min(2).max(64)).default(16),
    /** RAID volumes must survive a storage-group failure (else creation fails); when false, best effort. */
    sgResiliency: flag(true),
    /** RAID volumes must survive an enclosure (JBOD) failure (else creation fails); when false, best effort. */
    jbodResiliency: flag(true),
    encrypt: flag(false),
    minVolumeSize: bytes.optional(),
    maxVolumeSize: bytes.optional(),
    /** When false, the two copies of every mirrored set sit behind different bandwidth domains (top-of-rack pairs). */
    softDomains: flag(false),
    /** All of these tags on every drive or slice used. */
    requiredTags: list(TagSchema),
    /** None of these tags on any drive or slice used. */
    excludedTags: list(TagSchema),
    /** Storage groups to choose drives from; empty means any. */
    storageGroup: list(z.string().min(1)),
    /** Allowed transports; empty means the most performant both sides support (roce > nvmetcp > iscsi). */
    networkTransportsAllowed: list(TransportSchema),
  })
  .strict();
export type StorageClassParameters = z.infer<typeof StorageClassParametersSchema>;
export type StorageClassParametersInput = z.input<typeof StorageClassParametersSchema>;

/** `POST /api/v1/volumes` and `POST /api/v1/placement/preview`: a CSI CreateVolume, in effect. */
export const VolumeRequestSchema = z
  .object({
    /** The idempotency key (a PV name such as "pvc-…"): the same name and request returns the same volume. */
    name: IdSchema,
    /** Requested size in bytes; slices round up to whole GiB. */
    capacityBytes: bytes,
    /**
     * The largest volume the caller accepts (CSI capacity_range.limit_bytes): whole drives are
     * often far larger than asked, and a placement above this is refused (OUT_OF_RANGE).
     */
    limitBytes: bytes.optional(),
    reclaimPolicy: z.enum(['Delete', 'Retain']).default('Delete'),
    volumeMode: z.enum(['Filesystem', 'Block']).default('Filesystem'),
    /** The Kubernetes cluster (logical cluster) the volume belongs to. */
    cluster: IdSchema.default('default'),
    parameters: StorageClassParametersSchema.default(StorageClassParametersSchema.parse({})),
  })
  .strict();
export type VolumeRequest = z.infer<typeof VolumeRequestSchema>;
export type VolumeRequestInput = z.input<typeof VolumeRequestSchema>;

/** single: one drive or slice; raid1: a mirrored pair; raid10: a stripe of mirrored pairs. */
export const VolumeLayoutSchema = z.enum(['single', 'raid1', 'raid10']);
export type VolumeLayout = z.infer<typeof VolumeLayoutSchema>;

export const MemberStateSchema = z.enum(['active', 'failed', 'rebuilding']);

/** One whole drive or one slice of an SSD in a volume. */
export const VolumeMemberSchema = z.object({
  driveId: IdSchema,
  /** Where the member sits, recorded so failure-domain checks survive the drive's removal. */
  enclosureId: IdSchema,
  storageGroup: z.string(),
  /** Absent for a whole drive; for a slice, its extent on the SSD in GiB. */
  slice: z
    .object({ offsetGiB: z.number().int().nonnegative(), sizeGiB: z.number().int().positive() })
    .optional(),
  /** Stripe index: members with the same set mirror each other. */
  set: z.number().int().nonnegative(),
  /** Copy within the set: 0, or 1 for the mirror. */
  copy: z.number().int().min(0).max(1),
  state: MemberStateSchema,
  /** While rebuilding: progress 0..1 and when it is expected to finish. Kept on a failed member whose rebuild stopped: its data is partial. */
  rebuild: z
    .object({ progress: z.number().min(0).max(1), startedAt: z.string(), eta: z.string() })
    .optional(),
  /** While failed: when it stopped being usable. The last copy of a set to fail holds its newest data. */
  failedAt: z.string().optional(),
});
export type VolumeMember = z.infer<typeof VolumeMemberSchema>;

/**
 * What happened to a volume's members, newest last: a copy failing (its drive), a rebuild
 * starting onto a replacement, a rebuild completing. A failed member is replaced at once, so
 * without this the failed drive would no longer be named anywhere on the volume.
 */
export const MemberChangeSchema = z.object({
  at: z.string(),
  kind: z.enum(['failed', 'replacing', 'rebuilt']),
  set: z.number().int().nonnegative(),
  copy: z.number().int().min(0).max(1),
  /** The drive that failed (failed, replacing) or the replacement now holding the copy (rebuilt). */
  driveId: IdSchema,
  /** For replacing: the drive the copy is rebuilt onto. */
  replacementDriveId: IdSchema.optional(),
});
export type MemberChange = z.infer<typeof MemberChangeSchema>;

/** The CSI lifecycle: Create → ControllerPublish → NodeStage → NodePublish, and back; Released after a Retain delete. */
export const VolumeLifecycleSchema = z.enum([
  'Created',
  'ControllerPublished',
  'NodeStaged',
  'NodePublished',
  'Released',
]);
export type VolumeLifecycle = z.infer<typeof VolumeLifecycleSchema>;

export const VolumeHealthSchema = z.enum(['healthy', 'degraded', 'rebuilding', 'failed']);

/**
 * What a volume's health means for its data (the composer's health model, @drivebay/composer/health):
 * availability lost (no copy of some data left), redundancy lost (one more failure loses data, nothing
 * rebuilds yet), rebuilding (a lost copy is being rebuilt), none.
 */
export const VolumeImpactSchema = z.enum(['availability', 'redundancy', 'rebuilding', 'none']);
export type VolumeImpact = z.infer<typeof VolumeImpactSchema>;
export type VolumeHealth = z.infer<typeof VolumeHealthSchema>;

/**
 * Who uses a volume, as the podwatcher found it: the PVC bound to it and the workload of the pods
 * mounting it. Kept on the volume so every list, panel and delta names it by its claim, not only
 * by its PV name.
 */
export const VolumeBindingSchema = z.object({
  cluster: z.string(),
  namespace: z.string(),
  claim: z.string(),
  /** "StatefulSet/cassandra"; null when no pod with an owner mounts it. */
  workload: z.string().nullable(),
  /** Pods (same namespace) mounting it. */
  pods: z.array(z.string()),
});
export type VolumeBinding = z.infer<typeof VolumeBindingSchema>;

/** A CSI call Drivebay recorded on a volume: the plugin names the RPC it makes each request for. */
export const CsiCallSchema = z.object({
  rpc: z.string(),
  at: z.string(),
  actor: z.string(),
});
export type CsiCall = z.infer<typeof CsiCallSchema>;

/** The last CSI call that failed on a volume, with its code and message; repeats count up. */
export const CsiFailureSchema = CsiCallSchema.extend({
  code: z.string(),
  message: z.string(),
  /** Where it failed: in Drivebay (the composer refused) or on the node (a host step). */
  origin: z.enum(['drivebay', 'node']),
  /** How many times in a row this call failed this way (the CO retries with backoff). */
  count: z.number().int().positive(),
});
export type CsiFailure = z.infer<typeof CsiFailureSchema>;

/** What CSI last did to a volume and the last error a call returned. */
export const VolumeCsiSchema = z.object({
  lastCall: CsiCallSchema.nullable(),
  lastError: CsiFailureSchema.nullable(),
});
export type VolumeCsi = z.infer<typeof VolumeCsiSchema>;

export const VolumeSchema = z.object({
  id: IdSchema,
  name: IdSchema,
  cluster: IdSchema,
  /** Logical node: one per volume (seed 002, slide 27). */
  logicalNode: z.string(),
  request: VolumeRequestSchema,
  layout: VolumeLayoutSchema,
  media: z.enum(['hdd', 'ssd']),
  /** Usable bytes the layout provides (≥ requested). */
  capacityBytes: z.number().int().positive(),
  members: z.array(VolumeMemberSchema).min(1),
  /** The PVC and workload using the volume, when a watched cluster binds it. */
  binding: VolumeBindingSchema.nullable().optional(),
  /** The newest member changes (at most 20); absent on volumes nothing has happened to. */
  memberHistory: z.array(MemberChangeSchema).optional(),
  transport: TransportSchema.nullable(),
  lifecycle: VolumeLifecycleSchema,
  health: VolumeHealthSchema,
  /** Server the volume is ControllerPublished to. */
  server: IdSchema.nullable(),
  stagingPath: z.string().nullable(),
  targetPaths: z.array(z.string()),
  /** Absent until a CSI plugin has called for this volume. */
  csi: VolumeCsiSchema.optional(),
  /** Only the id of the volume's key; the key itself is derived on demand and never stored. */
  encryptionKeyId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Volume = z.infer<typeof VolumeSchema>;

export const GIB = GiB;
