import { type DomainEvent, type HardwareObservation, HardwareObservationSchema } from '@drivebay/api-types';
import {
  type Decision,
  type DecisionContext,
  reconcileEnclosure,
  reconcileInventory,
  reconcileUnreachable,
} from '@drivebay/composer';
import { inventoryWrite } from '../state/collections.js';
import type { StoreMirror } from '../state/mirror.js';
import type { Committer, Decided } from './committer.js';

export interface CommitResult {
  /** Revision at which the decision was committed (or the current one when nothing changed). */
  revision: number;
  events: DomainEvent[];
}

/**
 * Follow-up decisions on the same transaction as a hardware change, e.g. volumes on a failed
 * drive becoming degraded: the change and its consequences commit together or not at all.
 */
export type InventoryReaction = (
  decision: Decision,
  context: DecisionContext,
) => Pick<Decided<unknown>, 'writes' | 'events'>;

/**
 * The one way hardware state enters the store: a source's observation is decided by the
 * composer against the mirrored inventory and committed, with its events and reactions.
 */
export class IngestCommands {
  constructor(
    private readonly committer: Committer,
    private readonly mirror: StoreMirror,
    private readonly react: InventoryReaction = () => ({ writes: [], events: [] }),
  ) {}

  /** Decides and commits an observation; commands are applied one at a time, in call order. */
  async observe(observation: HardwareObservation, actor: string): Promise<CommitResult> {
    const parsed = HardwareObservationSchema.parse(observation);
    const { revision, events } = await this.committer.run(actor, (context) => {
      const decision = decide(parsed, this.mirror, context);
      const reaction = this.react(decision, context);
      return {
        writes: [...decision.changes.map(inventoryWrite), ...reaction.writes],
        events: [...decision.events, ...reaction.events],
        result: undefined,
      };
    });
    return { revision, events };
  }
}

function decide(observation: HardwareObservation, mirror: StoreMirror, context: DecisionContext): Decision {
  switch (observation.type) {
    case 'inventory':
      return reconcileInventory(mirror.inventory, observation, context);
    case 'enclosure':
      return reconcileEnclosure(mirror.inventory, observation, context);
    case 'enclosure-unreachable':
      return reconcileUnreachable(mirror.inventory, observation.enclosureId, context);
    case 'enclosures': {
      // Enclosures are decided apart (each against the same inventory), so their decisions add up.
      const decisions = observation.reports.map((report) =>
        reconcileEnclosure(mirror.inventory, report, context),
      );
      return { changes: decisions.flatMap((d) => d.changes), events: decisions.flatMap((d) => d.events) };
    }
  }
}
