import type { DomainEvent } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import type { Change } from '../store/types.js';
import { eventJournal } from './event-journal.js';

let revision = 0;
function put(id: string, subject = 'drv-1'): Change {
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
  return { revision, type: 'put', key: `events/${id}`, value: event };
}
const del = (id: string): Change => ({ revision: ++revision, type: 'delete', key: `events/${id}` });
const ids = (events: Iterable<DomainEvent>) => [...events].map((e) => e.id);

describe('EventJournal', () => {
  it('lists newest first whatever order the feed delivered, with the committing revision', () => {
    const journal = eventJournal();
    for (const id of ['ev-02', 'ev-04', 'ev-01', 'ev-03']) journal.apply(put(id));
    expect(ids(journal.newestFirst())).toEqual(['ev-04', 'ev-03', 'ev-02', 'ev-01']);
    expect(journal.newestFirst().next().value?.revision).toBe(revision - 2);
  });

  it('answers per subject and pages with before', () => {
    const journal = eventJournal();
    journal.apply(put('ev-1', 'drv-a'));
    journal.apply(put('ev-2', 'drv-b'));
    journal.apply(put('ev-3', 'drv-a'));
    expect(ids(journal.newestFirst('drv-a'))).toEqual(['ev-3', 'ev-1']);
    expect(ids(journal.newestFirst('drv-a', 'ev-3'))).toEqual(['ev-1']);
    expect(ids(journal.newestFirst(undefined, 'ev-2'))).toEqual(['ev-1']);
    expect(ids(journal.newestFirst('nothing'))).toEqual([]);
  });

  it('forgets deleted events everywhere, and a repeated put replaces rather than duplicates', () => {
    const journal = eventJournal();
    journal.apply(put('ev-1', 'drv-a'));
    journal.apply(put('ev-1', 'drv-a'));
    journal.apply(put('ev-2', 'drv-a'));
    journal.apply(del('ev-1'));
    journal.apply(del('ev-404'));
    expect(journal.size).toBe(1);
    expect(ids(journal.newestFirst('drv-a'))).toEqual(['ev-2']);
  });

  it('names the oldest events beyond what is kept', () => {
    const journal = eventJournal();
    for (let i = 1; i <= 5; i++) journal.apply(put(`ev-${i}`));
    expect(journal.idsBeyond(3, 100)).toEqual(['ev-1', 'ev-2']);
    expect(journal.idsBeyond(3, 1)).toEqual(['ev-1']);
    expect(journal.idsBeyond(10, 100)).toEqual([]);
  });

  it('ignores keys outside events/', () => {
    const journal = eventJournal();
    journal.apply({ revision: 1, type: 'put', key: 'volumes/v1', value: {} });
    expect(journal.size).toBe(0);
  });
});
