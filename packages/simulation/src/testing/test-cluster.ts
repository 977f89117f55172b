import type { Server } from '@drivebay/api-types';
import { ClusterSim, type ClusterSimOptions } from '../cluster/cluster-sim.js';
import { seedSimulatedCluster } from '../cluster/seed-cluster.js';
import type { SimulatedWorkload } from '../cluster/workloads.js';
import { ObjectStore } from '../kube-api/index.js';
import { FakeCsi } from './fake-csi.js';

/** A clock the test moves by hand, from now or from `start` (in the past, kubectl's ages stay valid). */
export class FakeClock {
  private at: number;
  readonly now = () => this.at;

  constructor(start = Date.now()) {
    this.at = start;
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

/** A StatefulSet of `replicas` pods, each with a 500Gi claim of `storageClass`. */
export function statefulSet(replicas = 1, storageClass = 'drivebay-hdd-mirrored'): SimulatedWorkload {
  return {
    namespace: 'db',
    kind: 'StatefulSet',
    name: 'cassandra',
    replicas,
    image: 'cassandra:4.1',
    port: 9042,
    resources: { requests: { cpu: '2', memory: '8Gi' }, limits: { memory: '8Gi' } },
    claim: { template: 'data', storageClass, size: '500Gi', mountPath: '/var/lib/cassandra' },
  };
}

/** A simulated cluster stepped by hand: seeded nodes for `serverCount` servers, a fake CSI and clock. */
export class TestCluster {
  readonly clock: FakeClock;
  readonly store: ObjectStore;
  readonly csi = new FakeCsi();
  readonly servers: Server[];
  readonly sim: ClusterSim;

  constructor(
    workloads: readonly SimulatedWorkload[],
    serverCount = 3,
    options: Partial<ClusterSimOptions> = {},
    clockStart = Date.now(),
  ) {
    this.clock = new FakeClock(clockStart);
    this.store = new ObjectStore({ now: this.clock.now });
    this.servers = Array.from({ length: serverCount }, (_, i) => ({
      id: `srv-${i + 1}`,
      hostname: `node-${i + 1}`,
      rack: 'rack-a01',
      transports: ['iscsi'],
      state: 'up',
    }));
    seedSimulatedCluster(this.store, this.servers, this.clock.now());
    const silent = { info() {}, warn() {}, error() {} };
    this.sim = new ClusterSim(this.store, this.csi, () => this.servers, silent, {
      workloads,
      restartEveryMs: 0,
      now: this.clock.now,
      ...options,
    });
  }

  /** A server's state, as the site reports it (the cluster sees it on its next tick). */
  setServer(id: string, state: Server['state']): void {
    const server = this.servers.find((s) => s.id === id);
    if (!server) throw new Error(`no server ${id}`);
    server.state = state;
  }

  /** Ticks (moving the clock `stepMs` each time) until `check` holds; fails after `maxTicks`. */
  async tickUntil(check: () => boolean, what: string, stepMs = 100, maxTicks = 500): Promise<void> {
    for (let i = 0; i < maxTicks; i++) {
      if (check()) return;
      await this.sim.tick();
      this.clock.advance(stepMs);
    }
    if (!check()) throw new Error(`the cluster never reached: ${what}`);
  }

  pod(name: string, namespace = 'db') {
    return this.store.get('pods', { name, namespace });
  }

  /** Events about an object, as `reason: message`, oldest first. */
  eventsOf(kind: string, name: string): string[] {
    return this.store
      .list('events')
      .filter((e) => {
        const involved = e.involvedObject as { kind: string; name: string };
        return involved.kind === kind && involved.name === name;
      })
      .sort((a, b) => (recordedAt(a.metadata.name) < recordedAt(b.metadata.name) ? -1 : 1))
      .map((e) => `${String(e.reason)}: ${String(e.message)}`);
  }
}

// An event's name ends in the hex nanoseconds it was first recorded at.
const recordedAt = (name: string) => BigInt(`0x${name.split('.').pop() ?? '0'}`);
