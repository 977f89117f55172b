import { type ChildProcess, spawn } from 'node:child_process';
import { etcdBinary } from './etcd-binary.js';

/** How one member is started; the cluster fills it in. */
export interface MemberSpec {
  name: string;
  clientPort: number;
  peerPort: number;
  dataDir: string;
  /** `name=http://127.0.0.1:port,…` for every member. */
  initialCluster: string;
  clusterToken: string;
}

// Members still running when the test process exits (a crash, a timeout) are killed with it.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * One etcd server process on loopback ports. Its data directory outlives the process, so a member
 * killed with SIGKILL can be started again on the same data and port (a crash and restart).
 */
export class EtcdMember {
  private child: ChildProcess | undefined;
  private log: string[] = [];

  constructor(readonly spec: MemberSpec) {}

  get clientUrl(): string {
    return `http://127.0.0.1:${this.spec.clientPort}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts the process (it becomes healthy once the cluster has a leader: see waitHealthy). */
  start(): void {
    if (this.child) throw new Error(`etcd member ${this.spec.name} is already running`);
    const { name, peerPort, dataDir, initialCluster, clusterToken } = this.spec;
    const peerUrl = `http://127.0.0.1:${peerPort}`;
    const child = spawn(
      etcdBinary(),
      [
        ['--name', name],
        ['--data-dir', dataDir],
        ['--listen-client-urls', this.clientUrl],
        ['--advertise-client-urls', this.clientUrl],
        ['--listen-peer-urls', peerUrl],
        ['--initial-advertise-peer-urls', peerUrl],
        ['--initial-cluster', initialCluster],
        ['--initial-cluster-token', clusterToken],
        ['--initial-cluster-state', 'new'],
        // Drivebay's contract suite writes 2,000 keys in one transaction; etcd's default is 128.
        ['--max-txn-ops', '10000'],
        ['--max-request-bytes', String(10 * 1024 * 1024)],
        // Faster elections than the defaults (100/1000 ms), so leader-loss tests stay short.
        ['--heartbeat-interval', '50'],
        ['--election-timeout', '500'],
        ['--logger', 'zap'],
        ['--log-level', 'warn'],
      ].flat(),
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer) => {
      this.log.push(...chunk.toString().split('\n').filter(Boolean));
      this.log = this.log.slice(-40);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', () => {
      running.delete(child);
      if (this.child === child) this.child = undefined;
    });
    running.add(child);
    this.child = child;
  }

  /** Resolves once /health says true; rejects with the member's last log lines if it exits or never gets there. */
  async waitHealthy(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`etcd member ${this.spec.name} exited:\n${this.log.join('\n')}`);
      if (await this.healthy()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `etcd member ${this.spec.name} not healthy after ${timeoutMs} ms:\n${this.log.join('\n')}`,
    );
  }

  /** Sends `signal` (SIGKILL: a crash) and resolves once the process has exited. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  private async healthy(): Promise<boolean> {
    try {
      const response = await fetch(`${this.clientUrl}/health`, { signal: AbortSignal.timeout(1000) });
      const body: unknown = await response.json();
      return typeof body === 'object' && body !== null && 'health' in body && body.health === 'true';
    } catch {
      return false;
    }
  }
}
