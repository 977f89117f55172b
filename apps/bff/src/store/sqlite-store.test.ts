import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
import { describeStateStoreContract, type StoreFactory } from './testing/contract.js';
import type { Change } from './types.js';

function sqliteFactory(replayPageSize?: number): StoreFactory {
  return {
    fresh: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'drivebay-store-'));
      const path = join(dir, 'state.sqlite');
      return {
        open: async () => openSqliteStore({ path, replayPageSize }),
        cleanup: () => rm(dir, { recursive: true, force: true }),
      };
    },
  };
}

describeStateStoreContract('SQLite', sqliteFactory());
// Tiny replay pages make every watch that starts behind catch up over many pages while commits
// keep arriving: the hand-over from replay to live delivery is what this variant exercises.
describeStateStoreContract('SQLite, replaying 3 transactions per page', sqliteFactory(3));

describe('SQLite StateStore', () => {
  const dirs: string[] = [];
  const stores: SqliteStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function tempPath(...segments: string[]): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'drivebay-sqlite-'));
    dirs.push(dir);
    return join(dir, ...(segments.length > 0 ? segments : ['state.sqlite']));
  }

  function open(options: SqliteStoreOptions): SqliteStore {
    const store = openSqliteStore(options);
    stores.push(store);
    return store;
  }

  it('runs in WAL mode with synchronous FULL, and leaves the file in WAL mode', async () => {
    const path = await tempPath();
    const store = open({ path });
    expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('creates missing parent directories', async () => {
    const path = await tempPath('a', 'b', 'c', 'state.sqlite');
    open({ path });
    expect(existsSync(path)).toBe(true);
  });

  it('makes a commit visible to a second connection while the first stays open', async () => {
    const path = await tempPath();
    const writer = open({ path });
    await writer.txn({ operations: [{ type: 'put', key: 'drive/1', value: { health: 'ok' } }] });
    await writer.txn({ operations: [{ type: 'put', key: 'drive/2', value: { health: 'failed' } }] });
    const reader = open({ path });
    expect(await reader.revision()).toBe(2);
    expect(await reader.get('drive/2')).toMatchObject({ value: { health: 'failed' }, modRevision: 2 });
    expect(await reader.changesSince(0)).toEqual(await writer.changesSince(0));
  });

  it('keeps every resolved commit when the process is killed without closing', async () => {
    const path = await tempPath();
    const { signal, lastRevision } = await runAndKill(path, 20);
    expect(signal).toBe('SIGKILL');
    expect(lastRevision).toBe(20);
    // The commits live only in the WAL (never checkpointed), so reopening exercises WAL recovery.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    const store = open({ path });
    expect(await store.revision()).toBe(20);
    expect(await store.get('k/20')).toMatchObject({ value: { i: 20 }, modRevision: 20 });
    expect(await store.changesSince(0)).toHaveLength(20);
  });

  it('writes 120,000 keys in one transaction (one revision) and ranges over 100,000 of them', async () => {
    const store = open({ path: await tempPath() });
    const drives = Array.from({ length: 100_000 }, (_, i) => `drives/${String(i).padStart(6, '0')}`);
    const servers = Array.from({ length: 20_000 }, (_, i) => `servers/${String(i).padStart(5, '0')}`);
    const result = await store.txn({
      operations: [...drives, ...servers].map((key) => ({ type: 'put', key, value: { key, media: 'ssd' } })),
    });
    const { entries, revision } = await store.range('drives/');
    expect(result).toEqual({ succeeded: true, revision: 1 });
    expect(revision).toBe(1);
    expect(entries.map((entry) => entry.key)).toEqual(drives);
    // One revision for all of them shows one commit; the speed is measured in bench/store.bench.ts.
  });

  it('orders keys by code point (UTF-8 bytes, as etcd does) and bounds prefixes at the top of Unicode', async () => {
    const store = open({ path: await tempPath() });
    const keys = [
      '\uFFFD',
      '😀',
      'a\u{10FFFF}',
      'a\u{10FFFF}x',
      'b',
      '\uD7FF',
      '\uD7FFz',
      '\uE000',
      '\u{10FFFF}',
    ];
    await store.txn({ operations: keys.map((key) => ({ type: 'put', key, value: 1 })) });
    const keysOf = async (prefix: string) => (await store.range(prefix)).entries.map((entry) => entry.key);
    expect(await keysOf('')).toEqual([
      'a\u{10FFFF}',
      'a\u{10FFFF}x',
      'b',
      '\uD7FF',
      '\uD7FFz',
      '\uE000',
      '\uFFFD',
      '😀',
      '\u{10FFFF}',
    ]);
    expect(await keysOf('a\u{10FFFF}')).toEqual(['a\u{10FFFF}', 'a\u{10FFFF}x']);
    expect(await keysOf('\uD7FF')).toEqual(['\uD7FF', '\uD7FFz']);
    expect(await keysOf('\u{10FFFF}')).toEqual(['\u{10FFFF}']);
  });

  it('rejects empty keys and keys that are not well-formed Unicode', async () => {
    const store = open({ path: await tempPath() });
    await expect(store.txn({ operations: [{ type: 'put', key: '', value: 1 }] })).rejects.toThrow(TypeError);
    await expect(store.txn({ operations: [{ type: 'put', key: 'a\uD800', value: 1 }] })).rejects.toThrow(
      TypeError,
    );
    await expect(store.changesSince(0, 0)).rejects.toThrow(RangeError);
    expect(await store.revision()).toBe(0);
  });

  it('calls handlers only after txn() has returned', async () => {
    const store = open({ path: await tempPath() });
    let insideTxn = false;
    const calledInside: boolean[] = [];
    store.watch(0, { onChanges: () => calledInside.push(insideTxn), onError: () => undefined });
    insideTxn = true;
    const commit = store.txn({ operations: [{ type: 'put', key: 'a', value: 1 }] });
    insideTxn = false;
    await commit;
    await waitFor(() => calledInside.length > 0);
    expect(calledInside).toEqual([false]);
  });

  it('ends a watch whose handler throws, reporting the error once and delivering nothing more', async () => {
    const store = open({ path: await tempPath() });
    const delivered: Change[][] = [];
    const errors: Error[] = [];
    store.watch(0, {
      onChanges: (changes) => {
        delivered.push(changes);
        throw new Error('handler bug');
      },
      onError: (error) => errors.push(error),
    });
    await store.txn({ operations: [{ type: 'put', key: 'a', value: 1 }] });
    await waitFor(() => errors.length > 0);
    await store.txn({ operations: [{ type: 'put', key: 'b', value: 1 }] });
    await pause();
    expect(delivered).toHaveLength(1);
    expect(errors.map((error) => error.message)).toEqual(['handler bug']);
  });

  it('reports close() to watches that are still running', async () => {
    const store = open({ path: await tempPath() });
    const errors: Error[] = [];
    store.watch(0, { onChanges: () => undefined, onError: (error) => errors.push(error) });
    await store.close();
    await waitFor(() => errors.length > 0);
    expect(errors).toHaveLength(1);
  });

  it('picks up commits made through another connection at the next local commit, without a gap', async () => {
    const path = await tempPath();
    const local = open({ path, replayPageSize: 2 });
    const other = open({ path });
    const seen: Change[] = [];
    local.watch(0, { onChanges: (changes) => seen.push(...changes), onError: () => undefined });
    await local.txn({ operations: [{ type: 'put', key: 'a', value: 1 }] });
    await other.txn({ operations: [{ type: 'put', key: 'b', value: 2 }] });
    await other.txn({ operations: [{ type: 'put', key: 'c', value: 3 }] });
    await local.txn({ operations: [{ type: 'put', key: 'd', value: 4 }] });
    await waitFor(() => seen.length >= 4);
    await pause();
    expect(seen.map((change) => change.key)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses a file written by a newer schema', async () => {
    const path = await tempPath();
    open({ path });
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openSqliteStore({ path })).toThrow(/schema version 99/);
  });
});

async function waitFor(ready: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await pause(2);
  }
}

function pause(ms = 30): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs the real store in a child process that commits `count` transactions and then kills
 * itself with SIGKILL, so no close(), checkpoint or exit handler runs. The store is bundled
 * with esbuild because a plain child node process cannot load TypeScript.
 */
async function runAndKill(
  path: string,
  count: number,
): Promise<{ signal: string | null; lastRevision: number }> {
  const dir = dirname(path);
  const bundle = join(dir, 'store.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./sqlite-store.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    outfile: bundle,
    logLevel: 'silent',
  });
  const script = join(dir, 'child.cjs');
  await writeFile(
    script,
    `const { openSqliteStore } = require(${JSON.stringify(bundle)});
const store = openSqliteStore({ path: ${JSON.stringify(path)} });
(async () => {
  for (let i = 1; i <= ${count}; i++) {
    const { revision } = await store.txn({ operations: [{ type: 'put', key: 'k/' + i, value: { i } }] });
    process.stdout.write(revision + '\\n');
  }
  process.kill(process.pid, 'SIGKILL');
})();
`,
  );
  // The bundle leaves better-sqlite3 out (it loads a native addon); NODE_PATH lets the child find ours.
  const nodeModules = dirname(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')));
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, NODE_PATH: nodeModules },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const signal = await new Promise<string | null>((resolve) =>
    child.on('close', (_code, sig) => resolve(sig)),
  );
  if (signal !== 'SIGKILL') throw new Error(`child did not reach its kill: ${stderr}`);
  return { signal, lastRevision: Number(stdout.trim().split('\n').at(-1)) };
}
