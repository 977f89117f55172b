import type { Server } from '@drivebay/api-types';
import type { ObjectStore } from '../kube-api/index.js';
import type { SimLog } from '../sim-log.js';
import type { CsiDriver } from './csi-driver.js';
import { EventRecorder } from './events.js';
import { Kubelets } from './kubelet.js';
import { NodeLeases } from './node-leases.js';
import { NodeLifecycle } from './node-lifecycle.js';
import { OomKills } from './oom-kills.js';
import { PodGc } from './pod-gc.js';
import { Provisioner } from './provisioner.js';
import { PvController } from './pv-controller.js';
import { PvReclaimer } from './pv-reclaimer.js';
import { PvcProtection } from './pvc-protection.js';
import { RESIZER_SOURCE, Resizer } from './resizer.js';
import { Scheduler } from './scheduler.js';
import { type ClusterSimOptions, defaultClusterSimOptions, type SimContext } from './sim-context.js';
import { TaintEviction } from './taint-eviction.js';
import { VolumeManager } from './volume-manager.js';
import { ensureWorkloads } from './workload-controllers.js';

export { type ClusterSimOptions, defaultClusterSimOptions } from './sim-context.js';

/**
 * The controllers of the simulated cluster, playing what kube-controller-manager (node lifecycle,
 * taint eviction, pod GC, StatefulSet/ReplicaSet, PV controller), the scheduler, the CSI
 * external-provisioner and attacher, and the kubelets do, against the simulated apiserver's store:
 * StatefulSets and Deployments get their PVCs and pods; PVCs of Drivebay's classes are
 * provisioned, attached and mounted through the CSI driver's gRPC services (CreateVolume,
 * ControllerPublish, NodeStage, NodePublish, and back), as the sidecars and kubelet call them; pods are scheduled, started, restarted now and then, and evicted and
 * recreated elsewhere when their server goes down, with the Events each step records. Everything
 * the podwatcher sees, it sees through the Kubernetes API.
 */
export class ClusterSim {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private readonly ctx: SimContext;
  private readonly nodes = new NodeLifecycle();
  private readonly leases = new NodeLeases();
  private readonly taintEviction = new TaintEviction();
  private readonly podGc = new PodGc();
  private readonly scaled = new Set<string>();
  private readonly pvController = new PvController();
  private readonly scheduler = new Scheduler();
  private readonly provisioner: Provisioner;
  private readonly pvcProtection = new PvcProtection();
  private readonly reclaimer: PvReclaimer;
  private readonly resizer: Resizer;
  private readonly volumes = new VolumeManager();
  private readonly kubelets = new Kubelets(this.volumes);
  private readonly oomKills = new OomKills();

  constructor(
    store: ObjectStore,
    csi: CsiDriver,
    private readonly servers: () => Iterable<Server>,
    private readonly log: SimLog,
    options: Partial<ClusterSimOptions> = {},
  ) {
    const all = { ...defaultClusterSimOptions, ...options };
    this.ctx = {
      store,
      csi,
      options: all,
      now: all.now,
      events: new EventRecorder(store, all.now),
    };
    this.provisioner = new Provisioner(all.cluster, all.now());
    this.reclaimer = new PvReclaimer(this.provisioner.source);
    this.resizer = new Resizer(RESIZER_SOURCE);
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
      const ctx = this.ctx;
      this.nodes.sync(ctx, this.servers());
      this.leases.renew(ctx, this.servers());
      ensureWorkloads(ctx, this.scaled);
      this.pvController.run(ctx);
      this.scheduler.run(ctx);
      await this.provisioner.run(ctx);
      this.pvController.run(ctx);
      await this.resizer.run(ctx);
      await this.kubelets.sync(ctx);
      await this.volumes.expandFilesystems(ctx);
      await this.volumes.detachUnused(ctx);
      this.pvcProtection.run(ctx);
      await this.reclaimer.run(ctx);
      // Evictions last: a StatefulSet sees its pod gone, and recreates it, on the next pass.
      this.taintEviction.run(ctx);
      this.podGc.run(ctx);
      this.oomKills.run(ctx);
      ctx.events.expire(ctx.options.eventTtlMs);
    } catch (error) {
      this.log.warn('simulated cluster tick failed', { error: String(error) });
    } finally {
      this.busy = false;
    }
  }
}
