import { pruneJournal } from '../../commands/journal-retention.js';
import { defineModule } from '../module.js';
import { services } from '../services.js';

const PASS_MS = 60_000;

/**
 * Keeps history bounded: the oldest events and audit records beyond what is retained are
 * deleted, sign-in failure counters whose window has passed too, and store revisions older than `retainRevisions` compacted (reconnecting clients that
 * far behind resync).
 */
export const retentionModule = defineModule({
  name: 'retention',
  deps: {
    store: services.store,
    writer: services.writer,
    mirror: services.mirror,
    security: services.security,
    config: services.config,
    log: services.log,
  },
  init({ store, writer, mirror, security, config, log }, lifecycle) {
    const retain = {
      revisions: config.retainRevisions ?? 10_000,
      events: config.retainEvents ?? 100_000,
      audit: config.retainAudit ?? 1_000_000,
    };
    let timer: NodeJS.Timeout | undefined;
    const pass = async () => {
      try {
        const events = await pruneJournal(writer, mirror.events, 'events', retain.events);
        const audit = await pruneJournal(writer, mirror.audit, 'audit', retain.audit);
        const counters = await security.lockout.prune(store);
        if (events + audit + counters > 0)
          log.info('history pruned', { events, audit, signInCounters: counters });
        const target = (await store.revision()) - retain.revisions;
        if (target > (await store.compactedRevision())) await store.compact(target);
      } catch (error) {
        log.warn('compaction failed', { error: String(error) });
      }
    };
    lifecycle.onStart(() => {
      timer = setInterval(() => void pass(), PASS_MS);
      timer.unref();
    });
    lifecycle.onStop(() => clearInterval(timer));
  },
});
