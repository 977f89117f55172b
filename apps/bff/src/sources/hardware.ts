import type {
  EnclosureSource,
  HardwareObservation,
  LocateKind,
  RedfishServiceStatus,
} from '@drivebay/api-types';
import type { CommitResult } from '../commands/ingest.js';

/** Where a hardware source delivers what it observes: the ingest command path. */
export type HardwareSink = (observation: HardwareObservation) => Promise<CommitResult>;

/**
 * A source of hardware state: the simulated site now, DMTF Redfish later. A source reports; it
 * never writes the store itself.
 */
export interface HardwareSource {
  readonly name: string;
  /** Reports the full inventory, then keeps reporting changes through `sink`. */
  start(sink: HardwareSink): Promise<void>;
  stop(): Promise<void>;
  /** The services it reads, for the console (a source that reads none, like the in-process site, has none). */
  status?(): readonly RedfishServiceStatus[];
  /** Where an enclosure's record comes from and what its hardware says about itself. */
  enclosureSource?(enclosureId: string): EnclosureSource | undefined;
  /**
   * Lights or clears the locate LED of a drive's bay or of an enclosure, on the hardware. Throws a
   * CommandError naming the service when it cannot (not answering: UNAVAILABLE).
   */
  setIndicator?(target: { kind: LocateKind; id: string }, on: boolean): Promise<void>;
}
