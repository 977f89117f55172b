// Shared helpers for the project scripts. Node built-ins only: these run before dependencies exist.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

/** "1 min 20 s", "45 s". */
function elapsed(ms) {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/**
 * Runs a long step, saying every 20 s that it is still running (what takes long is silent
 * otherwise: npm compiling a native module, Vite bundling), and how long it took.
 */
function runStep(label, hint, command, args) {
  console.log(`drivebay: ${label}${hint ? ` (${hint})` : ''}…`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    const beat = setInterval(
      () => console.log(`drivebay: still ${label} (${elapsed(Date.now() - started)} so far)…`),
      20_000,
    );
    child.once('error', (error) => {
      clearInterval(beat);
      reject(error);
    });
    child.once('exit', (code) => {
      clearInterval(beat);
      if (code === 0) console.log(`drivebay: done ${label} in ${elapsed(Date.now() - started)}`);
      resolve(code ?? 1);
    });
  });
}

/** Installs dependencies when node_modules is missing or older than package-lock.json / Node. */
export async function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  const stampFile = join(root, 'node_modules', '.drivebay-install-stamp');
  const stamp = createHash('sha256')
    .update(existsSync(lock) ? readFileSync(lock) : '')
    .update(readFileSync(join(root, 'package.json')))
    .update(process.version)
    .digest('hex');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  // `npm install` rather than `npm ci`: it follows the lockfile too, and tolerates optional
  // platform binaries (Biome's, for other OSes) that a registry mirror may not carry.
  const status = await runStep(
    'installing dependencies',
    'first run, or package-lock.json / Node changed: 2 to 6 minutes on two cores, most of it compiling better-sqlite3',
    'npm',
    ['install', '--no-audit', '--no-fund'],
  );
  if (status !== 0) {
    console.error(
      'drivebay: npm install failed; see the output above (better-sqlite3 needs python3, make and g++).',
    );
    process.exit(1);
  }
  writeFileSync(stampFile, stamp);
}

/** What the build is made from: every source, config and the lockfile. */
function buildInputs() {
  const files = ['package-lock.json', 'vite.config.ts', 'tsconfig.base.json'];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', 'dist', '.tsbuild'].includes(entry.name)) walk(path);
      } else files.push(path);
    }
  };
  for (const dir of ['apps/web', 'apps/bff/src', 'apps/csi/src', 'apps/csi/proto', 'packages'])
    if (existsSync(join(root, dir))) walk(dir);
  return files.filter((f) => existsSync(join(root, f))).sort();
}

/** A fingerprint of the build's inputs: paths, sizes and contents. */
function buildFingerprint() {
  const hash = createHash('sha256');
  for (const file of buildInputs()) {
    const path = join(root, file);
    hash
      .update(relative(root, path))
      .update(String(statSync(path).size))
      .update(readFileSync(path));
  }
  return hash.digest('hex');
}

const BUILD_STAMP = join(root, 'apps', 'bff', 'dist', '.build-stamp');
const OUTPUTS = [
  join(root, 'apps', 'bff', 'dist', 'main.cjs'),
  join(root, 'apps', 'csi', 'dist', 'drivebay-csi.cjs'),
  join(root, 'apps', 'web', 'dist', 'index.html'),
];

/**
 * Builds the web console (Vite) and bundles the BFF (esbuild) into apps/bff/dist, unless the
 * last build was made from exactly these sources (a second `npm start` skips straight to running).
 */
export async function build({ force = false } = {}) {
  const fingerprint = buildFingerprint();
  const current =
    !force &&
    OUTPUTS.every((output) => existsSync(output)) &&
    existsSync(BUILD_STAMP) &&
    readFileSync(BUILD_STAMP, 'utf8') === fingerprint;
  if (current) {
    console.log('drivebay: the build is current (no source changed since); not building again');
    return;
  }
  const web = await runStep('building the web console', 'Vite: 10 seconds to 2 minutes', bin('vite'), [
    'build',
    '--logLevel',
    'warn',
  ]);
  if (web !== 0) process.exit(1);
  const server = await runStep('bundling the server', 'esbuild: a few seconds', bin('esbuild'), [
    'apps/bff/src/main.ts',
    '--bundle',
    '--platform=node',
    '--format=cjs',
    '--target=node20',
    '--sourcemap',
    '--log-level=warning',
    // Native and optional modules load from node_modules at run time.
    '--external:better-sqlite3',
    // etcd3 loads its .proto files from its own package directory at run time.
    '--external:etcd3',
    '--external:bufferutil',
    '--external:utf-8-validate',
    '--outfile=apps/bff/dist/main.cjs',
  ]);
  if (server !== 0) process.exit(1);
  const plugin = await runStep('bundling the CSI plugin', 'esbuild: a few seconds', bin('esbuild'), [
    'apps/csi/src/main.ts',
    '--bundle',
    '--platform=node',
    '--format=cjs',
    '--target=node20',
    '--sourcemap',
    '--log-level=warning',
    '--outfile=apps/csi/dist/drivebay-csi.cjs',
  ]);
  if (plugin !== 0) process.exit(1);
  // The gRPC services load from the spec's csi.proto at run time: beside each bundle that serves them.
  const proto = join(root, 'apps', 'csi', 'proto', 'csi.proto');
  copyFileSync(proto, join(root, 'apps', 'csi', 'dist', 'csi.proto'));
  copyFileSync(proto, join(root, 'apps', 'bff', 'dist', 'csi.proto'));
  writeFileSync(BUILD_STAMP, fingerprint);
}
