// Shared helpers for the project scripts. Node built-ins only: these run before dependencies exist.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Runs a command in the repo root, inheriting stdio; returns its exit status. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Runs a tool from node_modules/.bin. */
export function runTool(name, args, options = {}) {
  return run(bin(name), args, options);
}

/** Installs dependencies when node_modules is missing or older than package-lock.json / Node. */
export function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  const stampFile = join(root, 'node_modules', '.drivebay-install-stamp');
  const stamp = createHash('sha256')
    .update(existsSync(lock) ? readFileSync(lock) : '')
    .update(readFileSync(join(root, 'package.json')))
    .update(process.version)
    .digest('hex');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  console.log('drivebay: installing dependencies (first run, or package-lock.json / Node changed)…');
  // `npm install` rather than `npm ci`: it follows the lockfile too, and tolerates optional
  // platform binaries (Biome's, for other OSes) that a registry mirror may not carry.
  if (run('npm', ['install', '--no-audit', '--no-fund']) !== 0) {
    console.error(
      'drivebay: npm install failed; see the output above (better-sqlite3 needs python3, make and g++).',
    );
    process.exit(1);
  }
  writeFileSync(stampFile, stamp);
}

/** Builds the web console (Vite) and bundles the BFF (esbuild) into apps/bff/dist. */
export function build() {
  console.log('drivebay: building the web console and the server…');
  if (runTool('vite', ['build', '--logLevel', 'warn']) !== 0) process.exit(1);
  const status = runTool('esbuild', [
    'apps/bff/src/main.ts',
    '--bundle',
    '--platform=node',
    '--format=cjs',
    '--target=node20',
    '--sourcemap',
    '--log-level=warning',
    // Native and optional modules load from node_modules at run time.
    '--external:better-sqlite3',
    '--external:bufferutil',
    '--external:utf-8-validate',
    '--outfile=apps/bff/dist/main.cjs',
  ]);
  if (status !== 0) process.exit(1);
}
