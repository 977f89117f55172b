import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const source = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/**
 * The plugin as its own process, built as `npm run build` builds it (one CommonJS file with
 * csi.proto beside it), so a test can kill -9 it mid-call and start it again.
 */
export async function bundlePlugin(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'drivebay-csi.cjs');
  await build({
    entryPoints: [source('src/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  copyFileSync(source('proto/csi.proto'), join(dir, 'csi.proto'));
  return outfile;
}

export interface PluginProcess {
  child: ChildProcess;
  /** Everything the plugin wrote to stderr (its log). */
  log(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the bundled plugin with these flags and waits until its socket answers. */
export async function spawnPlugin(
  bundle: string,
  args: string[],
  socketPath: string,
): Promise<PluginProcess> {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 15_000;
  while (!log.includes('csi plugin serving') || !existsSync(socketPath)) {
    if (child.exitCode !== null) throw new Error(`the plugin exited (${child.exitCode}): ${log}`);
    if (Date.now() > deadline) throw new Error(`the plugin did not start in 15 s: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    child,
    log: () => log,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
