import type {
  Drive,
  Enclosure,
  ErrorCode,
  Server,
  Volume,
  VolumeLayout,
  VolumeMember,
} from '@drivebay/api-types';

/**
 * Shared vocabulary of the volume engine. Placement (placement/, slicing/, allocation-index)
 * decides where a volume goes; lifecycle/ and health/ decide how a volume changes. All pure.
 */

/** A composition failure with a CSI-like code, saying what failed and what exists. */
export interface CompositionError {
  code: ErrorCode;
  message: string;
  /** Dotted path of the request field to blame (e.g. "parameters.jbodResiliency"). */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CompositionError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string, field?: string): Result<T> => ({
  ok: false,
  error: { code, message, ...(field ? { field } : {}) },
});

/** A member as placement chooses it: always active when new. */
export type PlannedMember = Omit<VolumeMember, 'state' | 'rebuild'>;

/** What placement decided for a request, before it becomes a Volume. */
export interface PlacementPlan {
  layout: VolumeLayout;
  media: 'hdd' | 'ssd';
  /** Usable bytes the layout provides (≥ requested; slices round up to whole GiB). */
  capacityBytes: number;
  members: PlannedMember[];
  /** Why: what was considered, what was chosen and why, for the dry run and the volume's record. */
  explanation: string[];
  /** Best-effort constraints (sgResiliency/jbodResiliency false) that could not be met. */
  warnings: string[];
}

/** Read-only lookups the engine needs from the site's inventory. */
export interface SiteView {
  drive(id: string): Drive | undefined;
  enclosure(id: string): Enclosure | undefined;
  server(id: string): Server | undefined;
}

/** Re-exported for the engine's callers. */
export type { Volume, VolumeMember };
