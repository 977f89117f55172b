import { AllocationIndex } from '@drivebay/composer';
import { AuditTrail } from '../../audit/audit-trail.js';
import { createEventIds } from '../../clock.js';
import { Committer } from '../../commands/committer.js';
import { StoreMirror } from '../../state/mirror.js';
import { StoreWriter } from '../../state/store-writer.js';
import { defineModule } from '../module.js';
import { services } from '../services.js';

/**
 * The state: the mirror of the store (followed through its change feed), the one write path
 * (the StoreWriter for records, the Committer for domain state) and the audit trail that rides
 * along with each request's change.
 */
export const stateModule = defineModule({
  name: 'state',
  deps: {
    store: services.store,
    clock: services.clock,
    log: services.log,
    instruments: services.instruments,
  },
  provides: {
    mirror: services.mirror,
    writer: services.writer,
    allocations: services.allocations,
    eventIds: services.eventIds,
    audit: services.audit,
    committer: services.committer,
  },
  init({ store, clock, log, instruments }, lifecycle) {
    const allocations = new AllocationIndex();
    const mirror = new StoreMirror(store, [allocations], log);
    const writer = new StoreWriter(store, instruments);
    const eventIds = createEventIds(clock);
    const audit = new AuditTrail(writer, clock, eventIds);
    const committer = new Committer(store, mirror, clock, eventIds, audit, instruments);
    lifecycle.onStart(async () => {
      const retired = await writer.clearRetired();
      if (retired > 0) log.info('deleted records an earlier version left', { keys: retired });
      await mirror.start();
    });
    lifecycle.onStop(() => mirror.stop());
    return { mirror, writer, allocations, eventIds, audit, committer };
  },
});
