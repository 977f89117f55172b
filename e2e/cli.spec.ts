import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// The command line as a new operator meets it: help, mistakes, a taken port, and the first start.
const entry = join(process.cwd(), 'apps', 'bff', 'dist', 'main.cjs');
const runServer = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [entry, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ...env },
  });

test('npm start -- --help answers at once, before any install or build, aligned, with no empty default', () => {
  const started = Date.now();
  const help = spawnSync(process.execPath, ['scripts/start.mjs', '--help'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  expect(help.status).toBe(0);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(help.stdout).not.toMatch(/installing|building/);
  expect(help.stdout).toContain('--port');
  expect(help.stdout).not.toContain('(default )');
  expect(help.stdout).not.toContain('(default: )');
  const header = help.stdout.split('\n').find((line) => line.includes('meaning')) ?? '';
  const column = header.indexOf('meaning');
  for (const row of help.stdout.split('\n').filter((line) => line.startsWith('  --'))) {
    expect(row[column - 1], row).toBe(' ');
    expect(row[column], row).not.toBe(' ');
  }
});

test('a bad flag or variable is one line naming what was given, where, and what is allowed', () => {
  const flag = runServer(['--port', 'abc']);
  expect(flag.status).toBe(2);
  expect(flag.stderr.trim()).toBe(
    'drivebay: --port "abc": not allowed; give a port number from 0 to 65535 (0: any free port); see `npm start -- --help`',
  );
  const variable = runServer([], { PORT: 'abc' });
  expect(variable.status).toBe(2);
  expect(variable.stderr.trim()).toMatch(
    /^drivebay: PORT="abc" \(environment\): not allowed; give a port number/,
  );
  expect(variable.stderr.trim().split('\n')).toHaveLength(1);
});

test('a port in use is said with the address and how to choose another, before the data directory is made', async () => {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const address = holder.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const parent = mkdtempSync(join(tmpdir(), 'drivebay-cli-'));
  const dataDir = join(parent, 'data');
  try {
    const result = runServer(['--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      `drivebay: --port ${port}: 127.0.0.1:${port} is already in use (another Drivebay, or another program); choose another with --port <number>, or --port 0 for any free port`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(dataDir)).toBe(false);
  } finally {
    holder.close();
    rmSync(parent, { recursive: true, force: true });
  }
});

test('ready means usable: the first admin can sign in the moment /readyz says ready', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'drivebay-cli-'));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [entry, '--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir, '--log-level', 'silent'],
    { stdio: 'ignore' },
  );
  try {
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const ready = await fetch(`${url}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const password = readFileSync(join(dataDir, 'initial-admin-password'), 'utf8').trim();
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'drivebay' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
