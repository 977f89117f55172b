// The SQLite StateStore at DriveScale's published scale: the initial inventory commit, the
// mirror's range read, a stream of small commits, and a reconnecting reader's history read.
// Run: npx vitest bench --run --config bench/vitest.bench.config.ts bench/store.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../apps/bff/src/store/sqlite-store.js';
import type { JsonValue, Operation } from '../apps/bff/src/store/types.js';

const root = mkdtempSync(join(tmpdir(), 'drivebay-store-bench-'));
const stores: SqliteStore[] = [];
afterAll(async () => {
  for (const store of stores) await store.close();
  rmSync(root, { recursive: true, force: true });
});

/** A fresh store in its own file under the benchmark's temp dir. */
function freshStore(): SqliteStore {
  const store = openSqliteStore({ path: join(root, `store-${stores.length}.sqlite`) });
  stores.push(store);
  return store;
}

/** A drive-like record, about 155 bytes of JSON. */
function driveValue(i: number): JsonValue {
  return {
    id: `drive-${i}`,
    enclosure: `enc-${Math.floor(i / 60)}`,
    slot: i % 60,
    media: i % 3 === 0 ? 'ssd' : 'hdd',
    capacityBytes: 8_000_000_000_000,
    health: 'ok',
    serial: `SN${String(i).padStart(10, '0')}`,
    firmware: 'FW-2.1.7',
  };
}

function drivePuts(count: number, prefix = 'drives/'): Operation[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'put',
    key: `${prefix}${String(i).padStart(6, '0')}`,
    value: driveValue(i),
  }));
}

// Each iteration of a long benchmark is measured on its own; a handful is enough for a stable mean.
const few = { time: 0, iterations: 5, warmupTime: 0, warmupIterations: 1 };
const some = { time: 0, iterations: 20, warmupTime: 0, warmupIterations: 2 };

const inventory = drivePuts(110_000);
const ranged = freshStore();
await ranged.txn({ operations: [...drivePuts(100_000), ...drivePuts(10_000, 'servers/')] });
const history = freshStore();
for (let i = 0; i < 10_000; i++) {
  await history.txn({ operations: [{ type: 'put', key: `drives/${i % 1000}`, value: driveValue(i) }] });
}
const small = freshStore();
let smallRound = 0;

describe('StateStore (SQLite)', () => {
  bench(
    'one txn of 110,000 puts into a fresh store',
    async () => {
      const result = await freshStore().txn({ operations: inventory });
      if (!result.succeeded) throw new Error('inventory commit failed');
    },
    few,
  );

  bench(
    'range over 100,000 keys (of 110,000)',
    async () => {
      const { entries } = await ranged.range('drives/');
      if (entries.length !== 100_000) throw new Error(`range returned ${entries.length}`);
    },
    some,
  );

  bench(
    '1,000 single-key txns, each committed (fsync) before the next',
    async () => {
      smallRound++;
      for (let i = 0; i < 1000; i++) {
        await small.txn({
          operations: [{ type: 'put', key: `drives/${i}`, value: { health: 'ok', smallRound } }],
        });
      }
    },
    few,
  );

  bench(
    'changesSince(0) reading 10,000 revisions',
    async () => {
      const changes = await history.changesSince(0);
      if (changes.length !== 10_000) throw new Error(`changesSince returned ${changes.length}`);
    },
    some,
  );
});
