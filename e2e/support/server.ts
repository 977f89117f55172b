import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';

/** A real Drivebay process (the built server) on a free port with its own data directory. */
export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** The admin created at first start, with the password it saved under the data dir. */
  admin: { username: string; password: string };
}

// Playwright runs from the repository root (see playwright.config.ts).
const serverEntry = join(process.cwd(), 'apps', 'bff', 'dist', 'main.cjs');

/** Starts the server and resolves once it prints its URL (after it is ready). */
export interface ServerOptions {
  dataDir?: string;
  port?: number;
  /**
   * Run the simulated cluster's workloads (StatefulSets on Drivebay volumes). Off by default, so
   * that specs about composing start from a site with no volumes; Kubernetes specs turn it on.
   */
  workloads?: boolean;
  /** More flags for the server, e.g. a slow --rebuild-rate so rebuilds stay running. */
  args?: readonly string[];
}

export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'drivebay-e2e-'));
  const child = spawn(
    process.execPath,
    [
      serverEntry,
      '--host',
      '127.0.0.1',
      '--port',
      String(options.port ?? 0),
      '--data-dir',
      dataDir,
      '--log-level',
      'warn',
      '--simulated-workloads',
      options.workloads ? 'on' : 'off',
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Drivebay console: (http:\/\/[^\s]+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = match[1];
      const password = readFileSync(join(dataDir, 'initial-admin-password'), 'utf8').trim();
      resolve({
        url,
        port: Number(new URL(url).port),
        dataDir,
        process: child,
        admin: { username: 'admin', password },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

/** Kills the server the way a crash would: no shutdown handlers run. */
export async function killServer(server: RunningServer, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill(signal);
  await exited;
}

export function removeDataDir(server: RunningServer): void {
  rmSync(server.dataDir, { recursive: true, force: true });
}

/**
 * A server of the spec file's own, started before its first test and killed (data removed) after
 * its last. Read it inside tests or hooks registered after this call; reading before it starts throws.
 */
export function serverForThisFile(options: Pick<ServerOptions, 'workloads' | 'args'> = {}): RunningServer {
  let running: RunningServer | undefined;
  test.beforeAll(async () => {
    running = await startServer(options);
  });
  test.afterAll(async () => {
    if (!running) return;
    await killServer(running, 'SIGTERM');
    removeDataDir(running);
  });
  return new Proxy({} as RunningServer, {
    get: (_target, key) => {
      if (!running) throw new Error('the spec’s server has not started yet');
      return running[key as keyof RunningServer];
    },
  });
}
