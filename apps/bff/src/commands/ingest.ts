import { type DomainEvent, type HardwareObservation, HardwareObservationSchema } from '@drivebay/api-types';
import {
  type Decision,
  type DecisionContext,
  reconcileEnclosure,
  reconcileInventory,
  reconcileUnreachable,
} from '@drivebay/composer';
import type { Clock } from '../clock.js';
import { keyOfChange, keys, operationOf } from '../state/keys.js';
import type { StoreMirror } from '../state/mirror.js';
import type { JsonValue, StateStore } from '../store/types.js';
import { CommandError } from './errors.js';

/** How often a command is decided again after losing a compare race to another writer. */
const MAX_ATTEMPTS = 5;

export interface CommitResult {
  /** Revision at which the decision was committed (or the current one when nothing changed). */
  revision: number;
  events: DomainEvent[];
}

/**
 * The one way hardware state enters the store: a source's observation is decided by the
 * composer against the mirrored inventory and committed, with its events, in one transaction
 * that compares every touched key's revision.
 */
export class IngestCommands {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: StateStore,
    private readonly mirror: StoreMirror,
    private readonly clock: Clock,
    private readonly nextEventId: () => string,
  ) {}

  /** Decides and commits an observation; calls are applied one at a time, in call order. */
  observe(observation: HardwareObservation, actor: string): Promise<CommitResult> {
    const parsed = HardwareObservationSchema.parse(observation);
    const run = this.queue.then(() => this.commit(parsed, actor));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async commit(observation: HardwareObservation, actor: string): Promise<CommitResult> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await this.mirror.caughtUp(await this.store.revision());
      const decision = decide(observation, this.mirror, this.context(actor));
      if (decision.changes.length === 0 && decision.events.length === 0) {
        return { revision: this.mirror.revision, events: [] };
      }
      const result = await this.store.txn(this.transactionOf(decision));
      if (result.succeeded) {
        await this.mirror.caughtUp(result.revision);
        return { revision: result.revision, events: decision.events };
      }
    }
    throw new CommandError('ABORTED', `observation lost ${MAX_ATTEMPTS} compare races in a row; retry`);
  }

  private transactionOf(decision: Decision) {
    const touched = new Set(decision.changes.map(keyOfChange));
    return {
      compare: [...touched].map((key) => ({ key, modRevision: this.mirror.modRevisionOf(key) })),
      operations: [
        ...decision.changes.map(operationOf),
        ...decision.events.map((event) => ({
          type: 'put' as const,
          key: keys.event(event),
          value: event as unknown as JsonValue,
        })),
      ],
    };
  }

  private context(actor: string): DecisionContext {
    return { actor, now: this.clock.now().toISOString(), nextEventId: this.nextEventId };
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
  }
}
