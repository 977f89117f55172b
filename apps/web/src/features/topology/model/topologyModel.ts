import type { Drive, DriveHealth, Enclosure, Locate, Rack, Server, Site } from '@drivebay/api-types';
import type { DriveSlots } from './driveSlots';

/** Drive counts per health state. */
export type HealthCounts = Readonly<Record<DriveHealth, number>>;

/**
 * The client's topology, shaped for 100,000 drives: drives sit in a slot-indexed array so a
 * delta replaces one entry, and each enclosure keeps the slots of its drives for drawing.
 * Treat as immutable; `applyDeltaBatch` returns a new model that shares what did not change.
 */
export interface TopologyModel {
  /** Store revision this model reflects. */
  readonly revision: number;
  readonly site: Site | null;
  readonly racks: ReadonlyMap<string, Rack>;
  readonly enclosures: ReadonlyMap<string, Enclosure>;
  readonly servers: ReadonlyMap<string, Server>;
  /** Drives by slot; `undefined` marks a slot whose drive was deleted. */
  readonly drives: readonly (Drive | undefined)[];
  /** Drive id -> slot, shared by every model derived from the same snapshot. */
  readonly slots: DriveSlots;
  /** Slots of the drives in each enclosure, ascending (newest drive last). */
  readonly drivesByEnclosure: ReadonlyMap<string, readonly number[]>;
  /** Drives per health state, kept current by the reducer. */
  readonly healthCounts: HealthCounts;
  /** Number of drives (all slots that hold one). */
  readonly driveCount: number;
  /** Lit locate LEDs by record id (`drive/<id>`, `enclosure/<id>`): the bays and enclosures that blink. */
  readonly locates: ReadonlyMap<string, Locate>;
}

/** The lit locate LED of a drive or an enclosure, if it is lit. */
export function locateOf(model: TopologyModel, kind: Locate['kind'], id: string): Locate | undefined {
  return model.locates.get(`${kind}/${id}`);
}

const NO_SLOTS: readonly number[] = [];

/** The drive with `id`, if this model holds it. */
export function driveById(model: TopologyModel, id: string): Drive | undefined {
  const slot = model.slots.get(id);
  return slot === undefined ? undefined : model.drives[slot];
}

/** Slots of the drives in an enclosure. */
export function enclosureSlots(model: TopologyModel, enclosureId: string): readonly number[] {
  return model.drivesByEnclosure.get(enclosureId) ?? NO_SLOTS;
}

/** The drive in a bay; if two claim it (mid-replacement), the newest one. */
export function driveInBay(model: TopologyModel, enclosureId: string, bay: number): Drive | undefined {
  const slots = enclosureSlots(model, enclosureId);
  for (let i = slots.length - 1; i >= 0; i--) {
    const drive = model.drives[slots[i] as number];
    if (drive?.bay === bay) return drive;
  }
  return undefined;
}

/** Empty health counts. */
export function zeroHealthCounts(): Record<DriveHealth, number> {
  return { ok: 0, degraded: 0, failed: 0, offline: 0 };
}
