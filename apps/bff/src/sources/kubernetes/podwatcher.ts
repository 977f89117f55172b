import type { ClusterSource, ClusterState } from '@drivebay/api-types';
import type { KubeEventObject, WatchedKind } from '@drivebay/composer';
import {
  CoreV1Api,
  type KubeConfig,
  type KubernetesObject,
  type V1PersistentVolumeClaim,
} from '@kubernetes/client-node';
import type { Clock } from '../../clock.js';
import type { ClusterIngest } from '../../commands/kube-ingest.js';
import type { Logger } from '../../log.js';
import type { StoreMirror } from '../../state/mirror.js';
import { type ClusterInformers, createClusterInformers, type ListenerFor } from './cluster-informers.js';
import type { ClusterLease, LeaseHandle } from './lease.js';
import {
  defaultResilience,
  type InformerListener,
  type ResilienceOptions,
  type ResilientInformer,
} from './resilient-informer.js';
import { kubeEventObject, watchedObject } from './translate.js';
import { WriteBack } from './write-back.js';

/** A cluster to watch: its logical-cluster id and how to reach its API. */
export interface WatchTarget {
  id: string;
  context: string;
  source: ClusterSource;
  server: string;
  kubeConfig: KubeConfig;
}

export interface PodwatcherOptions {
  resilience: ResilienceOptions;
  /** Changes arriving within this window are recorded together. */
  debounceMs: number;
  /** Records per transaction, so a relist of 150,000 pods commits in bounded pieces. */
  chunk: number;
  /** Annotate PVs and PVCs with their volume, logical node and server (switches itself off on 403). */
  writeBack: boolean;
  /** Kubernetes Events mirrored per round at most (the newest win). */
  maxEventsPerRound: number;
}

export const defaultPodwatcherOptions: PodwatcherOptions = {
  resilience: defaultResilience,
  debounceMs: 200,
  chunk: 2_000,
  writeBack: true,
  maxEventsPerRound: 500,
};

export interface PodwatcherDeps {
  /** Where this cluster's observations go: the ingest command decides and commits them. */
  ingest: ClusterIngest;
  mirror: StoreMirror;
  lease: ClusterLease;
  clock: Clock;
  log: Logger;
}

/**
 * The podwatcher of one cluster (seed 002, slides 34–35): informers on pods, PVCs, PVs, nodes,
 * storage classes, volume attachments and events. It reports: every object upserted or removed,
 * its own watch state, and Kubernetes Events go to the cluster's ingest command, which decides
 * the bindings, the cluster record and the timeline entries through the composer. It holds the
 * cluster's lease while it watches, so that one replica at a time reports; and it annotates PVs
 * and PVCs with where their data lives (write-back), the one thing it writes, to Kubernetes.
 */
export class Podwatcher {
  private readonly informers: ClusterInformers;
  private readonly failing = new Map<string, string>();
  private readonly pendingEvents: KubeEventObject[] = [];
  private readonly writeBack: WriteBack;
  /** Claims whose annotations may be out of date (changed, or their volume moved). */
  private readonly writeBackDue = new Set<V1PersistentVolumeClaim>();
  private lease: LeaseHandle | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private dirty = false;
  private active = false;
  private abort = new AbortController();

  constructor(
    readonly target: WatchTarget,
    private readonly deps: PodwatcherDeps,
    private readonly options: PodwatcherOptions = defaultPodwatcherOptions,
  ) {
    const listenerFor: ListenerFor = <T extends KubernetesObject>(
      resource: string,
      kind?: WatchedKind,
    ): InformerListener<T> => ({
      changed: () => this.schedule(),
      failed: (error: unknown, retryInMs: number) => this.failed(resource, error, retryInMs),
      watching: () => this.watching(resource),
      ...(kind && {
        upserted: (object: KubernetesObject) => {
          deps.ingest.upserted(kind, watchedObject(kind, object));
          if (kind === 'claims') this.writeBackDue.add(object as V1PersistentVolumeClaim);
        },
        removed: (object: KubernetesObject) => deps.ingest.removed(kind, watchedObject(kind, object)),
      }),
    });
    this.informers = createClusterInformers(
      target.kubeConfig,
      listenerFor,
      (event) => this.pendingEvents.push(kubeEventObject(event)),
      options.resilience,
    );
    this.writeBack = new WriteBack(target.kubeConfig.makeApiClient(CoreV1Api), deps.log, target.id);
    // A volume published to another server changes what its annotations should say.
    deps.mirror.follow('volumes', (change) => {
      if (!this.active) return;
      for (const claim of deps.mirror.kube.claimsOfVolume(change.id)) {
        if (claim.cluster !== target.id) continue;
        const object = this.informers.claims.get(claim.name, claim.namespace);
        if (object) this.writeBackDue.add(object);
      }
      this.schedule();
    });
    // A server renamed, added or removed changes which nodes match it: the ingest re-matches them.
    deps.mirror.follow('servers', () => {
      if (this.active) this.schedule();
    });
  }

  /** Waits for the cluster's lease, then lists and watches. Resolves once it holds the lease. */
  async start(): Promise<void> {
    this.lease = await this.deps.lease.acquire(this.target.id, this.abort.signal);
    this.lease.onLost(() => {
      this.deps.log.warn('podwatcher lost its lease; stopping', { cluster: this.target.id });
      void this.stopWatching();
    });
    this.active = true;
    await this.writeCluster(
      'connecting',
      'listing pods, PVCs, PVs, nodes, storage classes, attachments and events',
    );
    await Promise.all(Object.values(this.informers).map((informer) => informer.start()));
    this.schedule();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.stopWatching();
    await this.lease?.release();
  }

  /** Counts per resource: lists made, errors, silent-watch restarts. */
  informerStats(): Record<string, ResilientInformer<KubernetesObject>['stats']> {
    return Object.fromEntries(Object.values(this.informers).map((i) => [i.resource, i.stats]));
  }

  private async stopWatching(): Promise<void> {
    this.active = false;
    clearTimeout(this.timer);
    await Promise.all(Object.values(this.informers).map((informer) => informer.stop()));
    await this.running;
  }

  private schedule(): void {
    if (!this.active) return;
    if (this.running) {
      this.dirty = true;
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.running = this.round()
        .catch((error: unknown) =>
          this.deps.log.warn('podwatcher round failed', { cluster: this.target.id, error: String(error) }),
        )
        .finally(() => {
          this.running = undefined;
          if (this.dirty) {
            this.dirty = false;
            this.schedule();
          }
        });
    }, this.options.debounceMs);
  }

  private failed(resource: string, error: unknown, retryInMs: number): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.failing.set(resource, `${resource}: ${reason}`);
    this.deps.log.warn('kubernetes watch failed; retrying', {
      cluster: this.target.id,
      resource,
      error: reason,
      retryInMs,
    });
    this.schedule();
  }

  private watching(resource: string): void {
    this.failing.delete(resource);
    this.schedule();
  }

  private get listed(): boolean {
    return Object.values(this.informers).every((informer) => informer.hasListed);
  }

  /** One round: the cluster's state, then the records that changed, then Events, then write-back. */
  private async round(): Promise<void> {
    if (this.failing.size > 0) {
      await this.writeCluster('retrying', `${[...this.failing.values()].join('; ')}; retrying with backoff`);
    }
    // Until every resource has been listed once, a missing object may just not be listed yet:
    // recording now would delete bindings that are fine.
    if (!this.listed) return;
    await this.deps.ingest.recordBindings();
    await this.deps.ingest.recordEvents(
      this.pendingEvents.splice(0),
      this.options.maxEventsPerRound,
      this.writeBackState(),
    );
    if (this.failing.size === 0) await this.writeCluster('watching', 'watching');
    if (this.options.writeBack && this.writeBack.state !== 'denied' && this.writeBackDue.size > 0) {
      const due = [...this.writeBackDue];
      this.writeBackDue.clear();
      await this.writeBack.apply(
        due,
        (name) => this.informers.pvs.get(name),
        this.deps.mirror.volumes.volumes,
      );
      // A 403 during apply switched it off: say so on the cluster.
      await this.writeCluster(undefined, undefined);
    }
  }

  /** Reports the state of the watches (with the write-back state the record shows). */
  private async writeCluster(state: ClusterState | undefined, message: string | undefined): Promise<void> {
    await this.deps.ingest.recordState(state, message, this.writeBackState());
  }

  private writeBackState() {
    return this.options.writeBack ? this.writeBack.state : 'disabled';
  }
}
