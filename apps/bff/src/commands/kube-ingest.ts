import type { Claim, Cluster, ClusterSource, ClusterState, Pod, WriteBack } from '@drivebay/api-types';
import {
  type BindingChanges,
  ClusterBindings,
  chunkBindings,
  claimId,
  type DecisionContext,
  decideBindings,
  decideClusterRecord,
  eventsToMirror,
  type KubeEventObject,
  type KubeRecordChange,
  MOVE_WINDOW_MS,
  mirroredKubeEvent,
  podId,
  type RecentUnbind,
  rebindVolumes,
  ServerLookup,
  type WatchedKind,
  type WatchedObject,
  withStoredLeftovers,
} from '@drivebay/composer';
import { deleteRecord, putRecord } from '../state/collections.js';
import type { StoreMirror } from '../state/mirror.js';
import type { Operation } from '../store/types.js';
import { type Committer, type Decided, nothing } from './committer.js';

/** Who a cluster is, as its record says. */
export interface ClusterIdentity {
  id: string;
  context: string;
  source: ClusterSource;
  server: string;
}

export interface KubeIngestOptions {
  /** Records per transaction, so a relist of 150,000 pods commits in bounded pieces. */
  chunk: number;
}

/**
 * The one way Kubernetes state enters the store, like IngestCommands for hardware: the
 * Kubernetes source reports what it watches (objects upserted and removed, its own state,
 * Kubernetes Events) and this decides, through the composer, what the store records (bindings,
 * the cluster's record, timeline entries) and commits it.
 */
export class ClusterIngest {
  private readonly bindings: ClusterBindings;
  private readonly actor: string;
  /** Pods unbound lately, by id: what lets the composer see a StatefulSet pod's move. */
  private readonly recentUnbinds = new Map<string, RecentUnbind>();
  private serversChanged = false;
  /** The first recording after listing compares everything, removing records left from before. */
  private fullNext = true;

  constructor(
    readonly identity: ClusterIdentity,
    private readonly committer: Committer,
    private readonly mirror: StoreMirror,
    private readonly options: KubeIngestOptions,
  ) {
    this.actor = `kubernetes:${identity.id}`;
    this.bindings = new ClusterBindings(identity.id, new ServerLookup(mirror.inventory.servers.values()));
    // A server renamed, added or removed changes which nodes match it.
    mirror.follow('servers', () => {
      this.serversChanged = true;
    });
  }

  /** An object the source saw created or changed. Cheap: the decision waits for recordBindings. */
  upserted(kind: WatchedKind, object: WatchedObject): void {
    this.bindings.upsert(kind, object);
  }

  removed(kind: WatchedKind, object: WatchedObject): void {
    this.bindings.remove(kind, object);
  }

  /** Whether the servers changed since the last recording (a reason to record soon). */
  get serversDirty(): boolean {
    return this.serversChanged;
  }

  /** Decides and commits the bindings that changed since last time, in chunks; the first time, all of them. */
  async recordBindings(): Promise<void> {
    if (this.serversChanged) {
      this.serversChanged = false;
      this.bindings.setServers(new ServerLookup(this.mirror.inventory.servers.values()));
    }
    const changes = this.fullNext
      ? withStoredLeftovers(this.bindings.all(), this.mirror.kube.idsOf(this.identity.id))
      : this.bindings.takeChanges();
    this.fullNext = false;
    for (const chunk of chunkBindings(changes, this.options.chunk)) {
      await this.committer.run(this.actor, (context) => this.decide(chunk, context));
    }
  }

  /** Writes the cluster's record when what it says changed; undefined keeps what it says now. */
  async recordState(
    state: ClusterState | undefined,
    message: string | undefined,
    writeBack: WriteBack,
  ): Promise<void> {
    await this.committer.run(this.actor, (context) => {
      const before = this.mirror.kube.clusters.get(this.identity.id);
      const after = this.clusterRecord(before, { state, message, writeBack }, context.now);
      const decided = decideClusterRecord(before, after, context);
      return decided.write
        ? { writes: [putRecord('clusters', after.id, after)], events: decided.events, result: undefined }
        : nothing(undefined);
    });
  }

  /** Kubernetes Events newer than the cluster's watermark become timeline entries, the watermark moving with them. */
  async recordEvents(events: readonly KubeEventObject[], max: number, writeBack: WriteBack): Promise<void> {
    await this.committer.run(this.actor, (context): Decided<void> => {
      const before = this.mirror.kube.clusters.get(this.identity.id);
      const due = eventsToMirror(events, before?.eventsThrough ?? '', max);
      if (!due) return nothing(undefined);
      const after = { ...this.clusterRecord(before, { writeBack }, context.now), eventsThrough: due.newest };
      return {
        writes: [putRecord('clusters', after.id, after)],
        events: due.events.map((e) => mirroredKubeEvent(this.identity.id, e, context)),
        result: undefined,
      };
    });
  }

  private decide(chunk: BindingChanges, context: DecisionContext): Decided<void> {
    this.forgetOldUnbinds(context.now);
    const { kube } = this.mirror;
    const decision = decideBindings(
      chunk,
      {
        node: (id) => kube.nodes.get(id),
        claim: (id) => kube.claims.get(id),
        pod: (id) => kube.pods.get(id),
      },
      this.recentUnbinds,
      context,
    );
    // Remembered as decided; a lost race decides again and overwrites the same entries.
    for (const [id, unbind] of decision.unbinds) {
      if (unbind) this.recentUnbinds.set(id, unbind);
      else this.recentUnbinds.delete(id);
    }
    // The volumes these records now bind (or no longer do) record who uses them, in the same transaction.
    const rebound = rebindVolumes(affectedVolumes(chunk, kube), overlay(chunk, this.mirror));
    return {
      writes: [...decision.changes.map(kubeWrite), ...rebound.map((v) => putRecord('volumes', v.id, v))],
      events: decision.events,
      result: undefined,
    };
  }

  private forgetOldUnbinds(now: string): void {
    const horizon = Date.parse(now) - MOVE_WINDOW_MS;
    for (const [id, unbind] of this.recentUnbinds)
      if (Date.parse(unbind.at) < horizon) this.recentUnbinds.delete(id);
  }

  private clusterRecord(
    before: Cluster | undefined,
    update: { state?: ClusterState | undefined; message?: string | undefined; writeBack: WriteBack },
    now: string,
  ): Cluster {
    return {
      ...this.identity,
      state: update.state ?? before?.state ?? 'connecting',
      message: update.message ?? before?.message ?? '',
      writeBack: update.writeBack,
      eventsThrough: before?.eventsThrough ?? null,
      updatedAt: now,
    };
  }
}

/** Volumes a chunk of binding changes may concern: those its claims and pods name, before and after. */
function affectedVolumes(chunk: BindingChanges, kube: StoreMirror['kube']): string[] {
  const ids: string[] = [];
  for (const [id, after] of chunk.claims) {
    const before = kube.claims.get(id)?.volumeId;
    if (before) ids.push(before);
    if (after?.volumeId) ids.push(after.volumeId);
  }
  for (const [id, after] of chunk.pods) {
    ids.push(...(kube.pods.get(id)?.volumeIds ?? []), ...(after?.volumeIds ?? []));
  }
  return ids;
}

/** The claims and pods of a volume as they will be once the chunk commits. */
function overlay(chunk: BindingChanges, mirror: StoreMirror) {
  const { kube } = mirror;
  const claimsOf = (volumeId: string): Claim[] => [
    ...kube.claimsOfVolume(volumeId).filter((c) => !chunk.claims.has(claimId(c))),
    ...[...chunk.claims.values()].filter((c): c is Claim => c?.volumeId === volumeId),
  ];
  const podsOf = (volumeId: string): Pod[] => [
    ...kube.podsOfVolume(volumeId).filter((p) => !chunk.pods.has(podId(p))),
    ...[...chunk.pods.values()].filter((p): p is Pod => p !== undefined && p.volumeIds.includes(volumeId)),
  ];
  return { volume: (id: string) => mirror.volumes.volumes.get(id), claimsOf, podsOf };
}

/** The store write of a record change the composer decided. */
function kubeWrite(change: KubeRecordChange): Operation {
  if (change.op === 'delete') return deleteRecord(change.kind, change.id);
  switch (change.kind) {
    case 'nodes':
      return putRecord('nodes', change.id, change.value);
    case 'claims':
      return putRecord('claims', change.id, change.value);
    case 'pods':
      return putRecord('pods', change.id, change.value);
  }
}
