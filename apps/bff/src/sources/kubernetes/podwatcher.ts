import type { Claim, Cluster, ClusterSource, ClusterState, Pod } from '@drivebay/api-types';
import { type DecisionContext, sameRecord } from '@drivebay/composer';
import {
  CoreV1Api,
  type CoreV1Event,
  type KubeConfig,
  type KubernetesObject,
  type V1PersistentVolumeClaim,
} from '@kubernetes/client-node';
import type { Clock } from '../../clock.js';
import type { Committer, Decided } from '../../commands/committer.js';
import type { Logger } from '../../log.js';
import { kubeKeys } from '../../state/kube-view.js';
import type { StoreMirror } from '../../state/mirror.js';
import { claimBindingEvents, mirroredKubeEvent, podBindingEvents } from './binding-events.js';
import { type ClusterInformers, createClusterInformers, type ListenerFor } from './cluster-informers.js';
import { decideClusterRecord, eventsToMirror } from './cluster-record.js';
import { ServerLookup } from './describe.js';
import { changedKeys, IncrementalCluster, type KubeRecord, type WatchedKind } from './describe-cluster.js';
import type { ClusterLease, LeaseHandle } from './lease.js';
import {
  defaultResilience,
  type InformerListener,
  type ResilienceOptions,
  type ResilientInformer,
} from './resilient-informer.js';
import { WriteBack } from './write-back.js';

/** A pod bound again within this long of being unbound, on another server, has moved. */
const MOVE_WINDOW_MS = 15 * 60_000;

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
  committer: Committer;
  mirror: StoreMirror;
  lease: ClusterLease;
  clock: Clock;
  log: Logger;
}

/**
 * The podwatcher of one cluster (seed 002, slides 34–35): informers on pods, PVCs, PVs, nodes,
 * storage classes, volume attachments and events; from them it records, in the store, every node
 * with its server, every PVC with its composer volume, and every pod with its binding (node →
 * server, PVCs → volumes), plus a timeline entry for each binding change and each Kubernetes Event.
 * It holds the cluster's lease while it watches, so that one replica at a time writes.
 */
export class Podwatcher {
  private readonly actor: string;
  private readonly informers: ClusterInformers;
  private readonly failing = new Map<string, string>();
  private readonly pendingEvents: CoreV1Event[] = [];
  private readonly writeBack: WriteBack;
  /** The records, kept current object by object. */
  private readonly cluster: IncrementalCluster;
  /** Claims whose annotations may be out of date (changed, or their volume moved). */
  private readonly writeBackDue = new Set<V1PersistentVolumeClaim>();
  /** The first round after listing compares everything, removing records left from before. */
  private fullRound = true;
  private lease: LeaseHandle | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private dirty = false;
  private serversChanged = false;
  /** Pods unbound lately, by key, with the server they were on. */
  private readonly lastBound = new Map<string, { server: string; at: number }>();
  private active = false;
  private abort = new AbortController();

  constructor(
    readonly target: WatchTarget,
    private readonly deps: PodwatcherDeps,
    private readonly options: PodwatcherOptions = defaultPodwatcherOptions,
  ) {
    this.actor = `kubernetes:${target.id}`;
    const listenerFor: ListenerFor = <T extends KubernetesObject>(
      resource: string,
      kind?: WatchedKind,
    ): InformerListener<T> => ({
      changed: () => this.schedule(),
      failed: (error: unknown, retryInMs: number) => this.failed(resource, error, retryInMs),
      watching: () => this.watching(resource),
      ...(kind && {
        upserted: (object: KubernetesObject) => {
          this.cluster.upsert(kind, object);
          if (kind === 'claims') this.writeBackDue.add(object as V1PersistentVolumeClaim);
        },
        removed: (object: KubernetesObject) => this.cluster.remove(kind, object),
      }),
    });
    this.informers = createClusterInformers(
      target.kubeConfig,
      listenerFor,
      (event) => this.pendingEvents.push(event),
      options.resilience,
    );
    this.writeBack = new WriteBack(target.kubeConfig.makeApiClient(CoreV1Api), deps.log, target.id);
    this.cluster = new IncrementalCluster(
      target.id,
      new ServerLookup(deps.mirror.inventory.servers.values()),
    );
    // A volume published to another server changes what its annotations should say.
    deps.mirror.follow({
      prefix: 'volumes/',
      apply: (change) => {
        if (!this.active) return;
        for (const claim of deps.mirror.kube.claimsOfVolume(change.key.slice('volumes/'.length))) {
          if (claim.cluster !== target.id) continue;
          const object = this.informers.claims.get(claim.name, claim.namespace);
          if (object) this.writeBackDue.add(object);
        }
        this.schedule();
      },
    });
    // A server renamed, added or removed changes which nodes match it.
    deps.mirror.follow({
      prefix: 'servers/',
      apply: () => {
        this.serversChanged = true;
        if (this.active) this.schedule();
      },
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
    await this.recordObjects();
    await this.mirrorEvents();
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

  private async recordObjects(): Promise<void> {
    if (this.serversChanged) {
      this.serversChanged = false;
      this.cluster.setServers(new ServerLookup(this.deps.mirror.inventory.servers.values()));
    }
    let fresh: ReadonlyMap<string, KubeRecord | undefined>;
    let changed: string[];
    if (this.fullRound) {
      const all = this.cluster.all();
      fresh = all;
      changed = changedKeys(all, this.deps.mirror.kube.recordsOf(this.target.id));
      this.fullRound = false;
    } else {
      const changes = this.cluster.takeChanges();
      fresh = changes;
      changed = [...changes.keys()].filter((key) => !sameRecord(changes.get(key), this.storedRecord(key)));
    }
    for (let from = 0; from < changed.length; from += this.options.chunk) {
      const keys = changed.slice(from, from + this.options.chunk);
      await this.deps.committer.run(this.actor, (context) => this.decideRecords(keys, fresh, context));
    }
  }

  private storedRecord(key: string): KubeRecord | undefined {
    const stored = this.deps.mirror.kube;
    return stored.pods.get(key) ?? stored.claims.get(key) ?? stored.nodes.get(key);
  }

  private decideRecords(
    keys: string[],
    fresh: ReadonlyMap<string, KubeRecord | undefined>,
    context: DecisionContext,
  ): Decided<void> {
    const decided: Decided<void> = { puts: [], deletes: [], events: [], result: undefined };
    for (const key of keys) {
      const after = fresh.get(key);
      const before = this.storedRecord(key);
      if (sameRecord(before, after)) continue;
      if (after) decided.puts.push({ key, value: after });
      else decided.deletes.push(key);
      if (key.includes('/pods/')) {
        decided.events.push(
          ...this.podEvents(key, before as Pod | undefined, after as Pod | undefined, context),
        );
      } else if (key.includes('/claims/')) {
        decided.events.push(
          ...claimBindingEvents(before as Claim | undefined, after as Claim | undefined, context),
        );
      }
    }
    return decided;
  }

  /**
   * A StatefulSet pod moving is deleted and created again under the same name on another node;
   * remembering where it was last bound turns "unbound" then "bound" into one "moved".
   */
  private podEvents(key: string, before: Pod | undefined, after: Pod | undefined, context: DecisionContext) {
    const recent = this.lastBound.get(key);
    const lastServer = recent && Date.now() - recent.at < MOVE_WINDOW_MS ? recent.server : undefined;
    const events = podBindingEvents(before, after, context, lastServer);
    for (const e of events) {
      if (e.type === 'PodUnbound' && before?.server) {
        if (this.lastBound.size > 10_000) this.lastBound.clear();
        this.lastBound.set(key, { server: before.server, at: Date.now() });
      } else this.lastBound.delete(key);
    }
    return events;
  }

  /** Kubernetes Events newer than the cluster's watermark become timeline entries. */
  private async mirrorEvents(): Promise<void> {
    const through = this.deps.mirror.kube.clusters.get(this.target.id)?.eventsThrough ?? '';
    const due = eventsToMirror(this.pendingEvents.splice(0), through, this.options.maxEventsPerRound);
    if (!due) return;
    await this.deps.committer.run(
      this.actor,
      (context): Decided<void> => ({
        puts: [
          {
            key: kubeKeys.cluster(this.target.id),
            value: this.clusterRecord(undefined, undefined, context.now, due.newest),
          },
        ],
        deletes: [],
        events: due.events.map((e) => mirroredKubeEvent(this.target.id, e, context)),
        result: undefined,
      }),
    );
  }

  /** Writes the cluster's record when something in it changes, with an entry when its state does. */
  private async writeCluster(state: ClusterState | undefined, message: string | undefined): Promise<void> {
    await this.deps.committer.run(this.actor, (context) => {
      const before = this.deps.mirror.kube.clusters.get(this.target.id);
      const after = this.clusterRecord(state, message, context.now, before?.eventsThrough ?? null);
      return decideClusterRecord(before, after, context);
    });
  }

  private clusterRecord(
    state: ClusterState | undefined,
    message: string | undefined,
    now: string,
    eventsThrough: string | null,
  ): Cluster {
    const before = this.deps.mirror.kube.clusters.get(this.target.id);
    return {
      id: this.target.id,
      context: this.target.context,
      source: this.target.source,
      server: this.target.server,
      state: state ?? before?.state ?? 'connecting',
      message: message ?? before?.message ?? '',
      writeBack: this.options.writeBack ? this.writeBack.state : 'disabled',
      eventsThrough,
      updatedAt: now,
    };
  }
}
