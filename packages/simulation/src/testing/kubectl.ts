import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const KUBECTL = '/usr/bin/kubectl';
const run = promisify(execFile);

/** True when the real kubectl is installed, so the scripted kubectl tests can run. */
export const kubectlPresent = existsSync(KUBECTL);

/**
 * The real kubectl against one server, with an empty kubeconfig and a private HOME and cache:
 * only `--server` is ever contacted.
 */
export class Kubectl {
  private readonly home = mkdtempSync(join(tmpdir(), 'kube-sim-kubectl-'));

  constructor(private readonly server: () => string) {
    writeFileSync(join(this.home, 'kubeconfig'), '');
  }

  /** Runs kubectl to completion and answers what it printed. */
  async run(...args: string[]): Promise<string> {
    const { argv, env } = this.args(['--request-timeout=5s', ...args]);
    return (await run(KUBECTL, argv, { env, timeout: 10_000 })).stdout;
  }

  /** Starts a long-running kubectl (`get -w`); the caller kills it. */
  spawn(...args: string[]): ChildProcessWithoutNullStreams {
    const { argv, env } = this.args(args);
    return spawn(KUBECTL, argv, { env });
  }

  close(): void {
    rmSync(this.home, { recursive: true, force: true });
  }

  private args(args: string[]) {
    const options = ['--server', this.server(), `--cache-dir=${join(this.home, 'cache')}`];
    const env = { ...process.env, KUBECONFIG: join(this.home, 'kubeconfig'), HOME: this.home };
    return { argv: [...options, ...args], env };
  }
}
