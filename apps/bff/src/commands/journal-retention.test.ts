import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreMirror } from '../state/mirror.js';
import { StoreWriter } from '../state/store-writer.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import type { StateStore } from '../store/types.js';
import { removeDir } from '../testing/test-app.js';
import { pruneJournal } from './journal-retention.js';

const dirs: string[] = [];
const stores: StateStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

async function storeWithEvents(count: number): Promise<StateStore> {
  const dir = mkdtempSync(join(tmpdir(), 'drivebay-retention-'));
  dirs.push(dir);
  const store = await openSqliteStore({ path: join(dir, 'drivebay.sqlite') });
  stores.push(store);
  const operations = Array.from({ length: count }, (_, i) => {
    const id = `ev-${String(i).padStart(6, '0')}`;
    const value = {
      id,
      type: 'VolumeCreated',
      severity: 'info',
      at: '2026-11-22T00:00:00.000Z',
      actor: 'user:test',
      subject: { kind: 'volume', id: `vol-${i % 7}` },
      message: 'created',
    };
    return { type: 'put' as const, key: `events/${id}`, value };
  });
  await store.txn({ operations });
  return store;
}

describe('pruneJournal', () => {
  it('deletes the oldest events beyond the retained count, from the store and the journal', async () => {
    const store = await storeWithEvents(12_000);
    const mirror = new StoreMirror(store);
    await mirror.start();
    expect(mirror.events.size).toBe(12_000);

    expect(await pruneJournal(new StoreWriter(store), mirror.events, 'events', 1_000)).toBe(11_000);
    await mirror.caughtUp(await store.revision());
    const { entries } = await store.range('events/');
    expect(entries.map((e) => e.key)).toEqual(
      Array.from({ length: 1_000 }, (_, i) => `events/ev-${String(11_000 + i).padStart(6, '0')}`),
    );
    expect(mirror.events.size).toBe(1_000);
    expect(mirror.events.newestFirst().next().value?.id).toBe('ev-011999');
    // Nothing beyond the limit: nothing to do.
    expect(await pruneJournal(new StoreWriter(store), mirror.events, 'events', 1_000)).toBe(0);
    mirror.stop();
  });
});
