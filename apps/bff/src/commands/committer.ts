import type { DomainEvent } from '@drivebay/api-types';
import type { DecisionContext } from '@drivebay/composer';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { keys } from '../state/keys.js';
import type { StoreMirror } from '../state/mirror.js';
import type { JsonValue, Operation, StateStore } from '../store/types.js';
import { CommandError } from './errors.js';

/** How often a command is decided again after losing a compare race to another writer. */
const MAX_ATTEMPTS = 5;

/** What a command decided: keys to write, events to record, and what to answer the caller. */
export interface Decided<T> {
  puts: { key: string; value: unknown }[];
  deletes: string[];
  events: DomainEvent[];
  result: T;
}

export interface Committed<T> {
  /** Revision the decision committed at, or the current one when it changed nothing. */
  revision: number;
  events: DomainEvent[];
  result: T;
}

/**
 * The one way state changes: each command is decided against the mirror once it has caught
 * up with the store, then committed in one transaction that compares the modRevision of every
 * key it writes. Losing a race means deciding again on fresher state. Commands run one at a
 * time in call order, so one process never races itself.
 */
export class Committer {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: StateStore,
    private readonly mirror: StoreMirror,
    private readonly clock: Clock,
    private readonly nextEventId: () => string,
    private readonly audit: AuditTrail,
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
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await this.mirror.caughtUp(await this.store.revision());
      const decided = decide({ actor, now: this.clock.now().toISOString(), nextEventId: this.nextEventId });
      if (decided.puts.length === 0 && decided.deletes.length === 0 && decided.events.length === 0) {
        return { revision: this.mirror.revision, events: [], result: decided.result };
      }
      // A change made for a request carries the request's audit record in the same transaction.
      const outcome = await this.audit.commit(this.transactionOf(decided));
      if (outcome.succeeded) {
        await this.mirror.caughtUp(outcome.revision);
        return { revision: outcome.revision, events: decided.events, result: decided.result };
      }
    }
    throw new CommandError(
      'ABORTED',
      `the change lost ${MAX_ATTEMPTS} races with concurrent changes in a row; retry`,
    );
  }

  private transactionOf(decided: Decided<unknown>) {
    const touched = new Set([...decided.puts.map((p) => p.key), ...decided.deletes]);
    const operations: Operation[] = [
      ...decided.puts.map(({ key, value }) => ({ type: 'put' as const, key, value: value as JsonValue })),
      ...decided.deletes.map((key) => ({ type: 'delete' as const, key })),
      ...decided.events.map((event) => ({
        type: 'put' as const,
        key: keys.event(event),
        value: event as unknown as JsonValue,
      })),
    ];
    return {
      compare: [...touched].map((key) => ({ key, modRevision: this.mirror.modRevisionOf(key) })),
      operations,
    };
  }
}
