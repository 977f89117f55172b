import type { Drive, Enclosure, Server } from '@drivebay/api-types';

/**
 * What physically changed in the simulated site. Whoever serves the site (its Redfish service)
 * listens for these to tell its clients, the way a real enclosure manager raises events.
 */
export type SiteChange =
  | { kind: 'drive-health'; drive: Drive; previous: Drive['health'] }
  | { kind: 'drive-replaced'; removed: Drive; added: Drive }
  | { kind: 'enclosure-reachable'; enclosureId: string; reachable: boolean }
  | { kind: 'server-state'; server: Server }
  | { kind: 'locate'; target: LocateTarget; active: boolean };

/** An enclosure, or one drive in it: the two things with a locate LED. */
export interface LocateTarget {
  enclosureId: string;
  driveId?: string;
}

/** Changes made together (a storm tick flips many drives at once) arrive as one batch. */
export type SiteChangeListener = (changes: readonly SiteChange[]) => void;

/** One enclosure as it physically is, whether or not it can be reached. */
export interface PhysicalEnclosure {
  /** Its description; `state` here is always `online`, reachability is `reachable`. */
  readonly enclosure: Enclosure;
  /** What is in each bay, by bay number. */
  readonly bays: ReadonlyMap<number, Drive>;
  readonly reachable: boolean;
}
