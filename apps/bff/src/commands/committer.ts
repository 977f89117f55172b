import type { DomainEvent } from '@drivebay/api-types';
import type { DecisionContext } from '@drivebay/composer';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { type Instruments, noInstruments, secondsSince } from '../metrics/prometheus/instruments.js';
import { collectionOfKey, putRecord } from '../state/collections.js';
import { FeedUnavailableError } from '../state/feed-follower.js';
import type { StoreMirror } from '../state/mirror.js';
import type { Operation, StateStore } from '../store/types.js';
import { CommandError } from './errors.js';

/** How often a command is decided again after losing a compare race to another writer. */
const MAX_ATTEMPTS = 5;

/** What a command decided: state records to write, events to record, and what to answer the caller. */
export interface Decided<T> {
  /** Puts and deletes of state records (made with putRecord / deleteRecord). */
  writes: Operation[];
  events: DomainEvent[];
  result: T;
}

export interface Committed<T> {
  /** Revision the decision committed at, or the current one when it changed nothing. */
  revision: number;
  events: DomainEvent[];
  result: T;
}

/** A decision that changes nothing. */
export const nothing = <T>(result: T): Decided<T> => ({ writes: [], events: [], result });

/**
 * The one way domain state changes: each command is decided against the mirror once it has
 * caught up with the store, then committed in one transaction that compares the mod revision of
 * every key it writes with the one the decision read. Losing a race means deciding again on
 * fresher state. Commands run one at a time in call order, so one process never races itself.
 * While the change feed is broken nothing is decided: the mirror may be stale.
 */
export class Committer {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Pick<StateStore, 'revision'>,
    private readonly mirror: StoreMirror,
    private readonly clock: Clock,
    private readonly nextEventId: () => string,
    private readonly audit: AuditTrail,
    private readonly instruments: Instruments = noInstruments,
  ) {}

  /** Decides with `decide` (which may throw CommandError) and commits; serialized with every other command. */
  run<T>(actor: string, decide: (context: DecisionContext) => Decided<T>): Promise<Committed<T>> {
    const run = this.queue.then(() => this.attempt(actor, decide));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async attempt<T>(
    actor: string,
    decide: (context: DecisionContext) => Decided<T>,
  ): Promise<Committed<T>> {
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        // Decide on everything committed so far, by any writer.
        await this.mirror.caughtUp(await this.store.revision());
        const decided = decide({ actor, now: this.clock.now().toISOString(), nextEventId: this.nextEventId });
        if (decided.writes.length === 0 && decided.events.length === 0) {
          return { revision: this.mirror.revision, events: [], result: decided.result };
        }
        // A change made for a request carries the request's audit record in the same transaction.
        const outcome = await this.audit.commit(this.transactionOf(decided));
        if (outcome.succeeded) {
          const committed = performance.now();
          await this.mirror.caughtUp(outcome.revision);
          this.instruments.feedLag(secondsSince(committed));
          return { revision: outcome.revision, events: decided.events, result: decided.result };
        }
        // Lost a race: wait until the mirror has the winner's change, then decide again.
        await this.mirror.caughtUp(outcome.revision);
      }
    } catch (error) {
      if (error instanceof FeedUnavailableError) {
        throw new CommandError('UNAVAILABLE', `${error.message}; retry in a moment`);
      }
      throw error;
    }
    throw new CommandError(
      'ABORTED',
      `the change lost ${MAX_ATTEMPTS} races with concurrent changes in a row; retry`,
    );
  }

  private transactionOf(decided: Decided<unknown>) {
    for (const write of decided.writes) {
      if (collectionOfKey(write.key)?.fencing !== 'state')
        throw new Error(`the Committer writes state records only, not ${write.key}`);
    }
    return {
      compare: decided.writes.map(({ key }) => ({ key, modRevision: this.mirror.modRevisionOf(key) })),
      operations: [...decided.writes, ...decided.events.map((event) => putRecord('events', event.id, event))],
    };
  }
}
