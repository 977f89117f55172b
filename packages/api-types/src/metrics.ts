import { z } from 'zod';
import { queryWholeNumber } from './query.js';

const bytes = z.number().int().nonnegative();

/** Raw bytes of one capacity tier; used + free + stranded = total. */
export const TierCapacitySchema = z.object({
  drives: z.number().int().nonnegative(),
  totalBytes: bytes,
  /** Held by volumes: whole drives in full, slices by their extents. */
  usedBytes: bytes,
  /** Could be allocated now. */
  freeBytes: bytes,
  /** Not held, yet unusable: free space on unhealthy or offline drives, sub-GiB tails of sliced SSDs. */
  strandedBytes: bytes,
});
export type TierCapacity = z.infer<typeof TierCapacitySchema>;

/** HDDs, SSDs given (or still available to be given) whole, and SSDs carved into slices. */
export const CapacityTiersSchema = z.object({
  hdd: TierCapacitySchema,
  ssdWhole: TierCapacitySchema,
  ssdSliced: TierCapacitySchema,
});
export type CapacityTiers = z.infer<typeof CapacityTiersSchema>;
export const CAPACITY_TIERS = ['hdd', 'ssdWhole', 'ssdSliced'] as const;
export type CapacityTier = (typeof CAPACITY_TIERS)[number];

/** `GET /api/v1/capacity`: capacity by tier now, and the rebuilds running. */
export const CapacityReportSchema = z.object({
  revision: z.number().int().nonnegative(),
  tiers: CapacityTiersSchema,
  rebuilds: z.object({
    /** Volume copies being rebuilt now. */
    running: z.number().int().nonnegative(),
    /** When the last of them is expected to finish; null when none runs. */
    lastEta: z.string().nullable(),
  }),
});
export type CapacityReport = z.infer<typeof CapacityReportSchema>;

/** One point of the site's history, recorded every sampling interval and kept in the store. */
export const MetricSampleSchema = z.object({
  /** ISO-8601 time of the sample. */
  at: z.string(),
  /** Used bytes per tier. */
  usedBytes: z.object({ hdd: bytes, ssdWhole: bytes, ssdSliced: bytes }),
  /** Free (allocatable) bytes per tier. */
  freeBytes: z.object({ hdd: bytes, ssdWhole: bytes, ssdSliced: bytes }),
  /** Volumes that exist. */
  volumes: z.number().int().nonnegative(),
  /** Members (whole drives or slices) held by volumes. */
  allocations: z.number().int().nonnegative(),
  /** Domain events committed since the previous sample, per minute. */
  eventsPerMinute: z.number().nonnegative(),
});
export type MetricSample = z.infer<typeof MetricSampleSchema>;

/** `GET /api/v1/metrics/history` query. */
export const MetricsHistoryQuerySchema = z
  .object({
    /** ISO-8601: only samples at or after this time (default: all kept). */
    since: z.iso.datetime().optional(),
    /** At most this many points; longer series are averaged into this many buckets. */
    points: queryWholeNumber(2, 1000, 240),
  })
  .strict();
export type MetricsHistoryQuery = z.infer<typeof MetricsHistoryQuerySchema>;

export const MetricsHistorySchema = z.object({
  samples: z.array(MetricSampleSchema),
  /** How many recorded samples the answer stands for (more than `samples.length` when downsampled). */
  recorded: z.number().int().nonnegative(),
  intervalSeconds: z.number().positive(),
});
export type MetricsHistory = z.infer<typeof MetricsHistorySchema>;
