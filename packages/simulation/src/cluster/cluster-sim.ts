import type { Server } from '@drivebay/api-types';
import type { ObjectStore } from '../kube-api/index.js';
import type { SimLog } from '../sim-log.js';
import { Restarts, startPods } from './kubelet.js';
import { NodeLifecycle } from './node-lifecycle.js';
import { Provisioner } from './provisioner.js';
import { schedule } from './scheduler.js';
import {
  type ClusterSimOptions,
  type CsiVolumes,
  defaultClusterSimOptions,
  recordEvent,
  type SimContext,
} from './sim-context.js';
import { ensureWorkloads } from './workload-controllers.js';

export { type ClusterSimOptions, type CsiVolumes, defaultClusterSimOptions } from './sim-context.js';

/**
 * The controllers of the simulated cluster, playing what kube-controller-manager, the scheduler,
 * the CSI external-provisioner and attacher, and the kubelet do, against the simulated apiserver's
 * store: StatefulSets and Deployments get their PVCs and pods; PVCs of Drivebay's classes are
 * provisioned through the composer's CSI-shaped lifecycle (CreateVolume, ControllerPublish,
 * NodeStage, NodePublish); pods are scheduled, started, restarted now and then, and moved when
 * their server goes down. Everything the podwatcher sees, it sees through the Kubernetes API.
 */
export class ClusterSim {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private readonly ctx: SimContext;
  private readonly nodes = new NodeLifecycle();
  private readonly provisioner = new Provisioner();
  private readonly restarts = new Restarts();

  constructor(
    store: ObjectStore,
    csi: CsiVolumes,
    private readonly servers: () => Iterable<Server>,
    private readonly log: SimLog,
    options: ClusterSimOptions = defaultClusterSimOptions,
  ) {
    this.ctx = {
      store,
      csi,
      actor: `csi:${options.cluster}`,
      options,
      event: (involved, type, reason, message) => recordEvent(store, involved, type, reason, message),
    };
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.ctx.options.tickMs);
    this.timer.unref();
    void this.tick();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One pass of every controller; passes never overlap. Public so tests can step the cluster. */
  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      this.nodes.sync(this.ctx, this.servers());
      ensureWorkloads(this.ctx);
      await this.provisioner.run(this.ctx);
      schedule(this.ctx);
      await startPods(this.ctx);
      this.nodes.evict(this.ctx);
      this.restarts.restartNow(this.ctx);
    } catch (error) {
      this.log.warn('simulated cluster tick failed', { error: String(error) });
    } finally {
      this.busy = false;
    }
  }
}
