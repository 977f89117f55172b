import type { DomainEvent } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { collections, type TypedChange, typedChange } from './collections.js';
import { eventJournal } from './event-journal.js';

let revision = 0;
const events = collections.events;

function put(id: string, subject = 'drv-1'): TypedChange {
  const event: DomainEvent = {
    id,
    type: 'DriveFailed',
    severity: 'critical',
    at: '2026-11-22T00:00:00.000Z',
    actor: 'hardware:simulator',
    subject: { kind: 'drive', id: subject },
    message: `${subject} failed`,
  };
  revision += 1;
  return typedChange(events, { revision, type: 'put', key: `events/${id}`, id, value: event });
}
const del = (id: string): TypedChange =>
  typedChange(events, { revision: ++revision, type: 'delete', key: `events/${id}`, id });
const ids = (events: Iterable<DomainEvent>) => [...events].map((e) => e.id);

describe('EventJournal', () => {
  it('lists newest first whatever order the feed delivered, with the committing revision', () => {
    const journal = eventJournal();
    for (const id of ['ev-02', 'ev-04', 'ev-01', 'ev-03']) journal.mirror(put(id));
    expect(ids(journal.newestFirst())).toEqual(['ev-04', 'ev-03', 'ev-02', 'ev-01']);
    expect(journal.newestFirst().next().value?.revision).toBe(revision - 2);
  });

  it('answers per subject and pages with before', () => {
    const journal = eventJournal();
    journal.mirror(put('ev-1', 'drv-a'));
    journal.mirror(put('ev-2', 'drv-b'));
    journal.mirror(put('ev-3', 'drv-a'));
    expect(ids(journal.newestFirst('drv-a'))).toEqual(['ev-3', 'ev-1']);
    expect(ids(journal.newestFirst('drv-a', 'ev-3'))).toEqual(['ev-1']);
    expect(ids(journal.newestFirst(undefined, 'ev-2'))).toEqual(['ev-1']);
    expect(ids(journal.newestFirst('nothing'))).toEqual([]);
  });

  it('forgets deleted events everywhere, and a repeated put replaces rather than duplicates', () => {
    const journal = eventJournal();
    journal.mirror(put('ev-1', 'drv-a'));
    journal.mirror(put('ev-1', 'drv-a'));
    journal.mirror(put('ev-2', 'drv-a'));
    journal.mirror(del('ev-1'));
    journal.mirror(del('ev-404'));
    expect(journal.size).toBe(1);
    expect(ids(journal.newestFirst('drv-a'))).toEqual(['ev-2']);
  });

  it('names the oldest events beyond what is kept', () => {
    const journal = eventJournal();
    for (let i = 1; i <= 5; i++) journal.mirror(put(`ev-${i}`));
    expect(journal.idsBeyond(3, 100)).toEqual(['ev-1', 'ev-2']);
    expect(journal.idsBeyond(3, 1)).toEqual(['ev-1']);
    expect(journal.idsBeyond(10, 100)).toEqual([]);
  });

  it('ignores other collections', () => {
    const journal = eventJournal();
    journal.mirror(
      typedChange(collections.volumes, { revision: 1, type: 'delete', key: 'volumes/v1', id: 'v1' }),
    );
    expect(journal.size).toBe(0);
  });
});
