import { createHash } from 'node:crypto';
import {
  type ComposeResponse,
  type Server,
  type Volume,
  type VolumeRequest,
  VolumeRequestSchema,
} from '@drivebay/api-types';
import type { Logger } from '../../log.js';
import type { KubeObject, KubeObjectInput, ObjectStore } from '../kube-sim/index.js';
import { quantityBytes } from '../kubernetes/describe.js';
import { PROVISIONER } from './seed-cluster.js';
import { claimNameOf, SIMULATED_WORKLOADS, type SimulatedWorkload } from './workloads.js';

/** The composer's CSI controller and node services, as the simulated sidecars and kubelet call them. */
export interface CsiVolumes {
  compose(request: VolumeRequest, actor: string): Promise<ComposeResponse>;
  get(id: string): Volume;
  publish(id: string, serverId: string, actor: string): Promise<Volume>;
  unpublish(id: string, serverId: string, actor: string): Promise<Volume>;
  stage(id: string, stagingPath: string, actor: string): Promise<Volume>;
  unstage(id: string, stagingPath: string, actor: string): Promise<Volume>;
  nodePublish(id: string, targetPath: string, actor: string): Promise<Volume>;
  nodeUnpublish(id: string, targetPath: string, actor: string): Promise<Volume>;
}

export interface ClusterSimOptions {
  /** The logical cluster the volumes belong to. */
  cluster: string;
  workloads: readonly SimulatedWorkload[];
  tickMs: number;
  /** A node NotReady this long has its pods evicted (the taint manager's 5 min, shortened). */
  evictAfterMs: number;
  /** Every so often a running pod's container restarts (0: never). */
  restartEveryMs: number;
  /** A claim whose provisioning failed is tried again after this long. */
  provisionRetryMs: number;
}

export const defaultClusterSimOptions: ClusterSimOptions = {
  cluster: 'simulated',
  workloads: SIMULATED_WORKLOADS,
  tickMs: 250,
  evictAfterMs: 5_000,
  restartEveryMs: 60_000,
  provisionRetryMs: 30_000,
};

const NAMESPACE_OF_EVENTS = 'default';

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
  private readonly notReadySince = new Map<string, number>();
  private readonly provisionFailedAt = new Map<string, number>();
  private lastRestart = Date.now();
  private restartCursor = 0;
  private readonly actor: string;

  constructor(
    private readonly store: ObjectStore,
    private readonly csi: CsiVolumes,
    private readonly servers: () => Iterable<Server>,
    private readonly log: Logger,
    private readonly options: ClusterSimOptions = defaultClusterSimOptions,
  ) {
    this.actor = `csi:${options.cluster}`;
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.tickMs);
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
      this.syncNodes();
      this.ensureWorkloads();
      await this.provision();
      this.schedule();
      await this.startPods();
      this.evict();
      this.restartNow();
    } catch (error) {
      this.log.warn('simulated cluster tick failed', { error: String(error) });
    } finally {
      this.busy = false;
    }
  }

  // --- node lifecycle: a node is Ready while its server is up -----------------------------

  private syncNodes(): void {
    const byId = new Map([...this.servers()].map((s) => [s.id, s]));
    for (const node of this.store.list('nodes')) {
      const server = byId.get(node.metadata.labels?.['drivebay.io/server'] ?? '');
      if (!server) continue;
      const ready = server.state === 'up';
      if (isReady(node) === ready) continue;
      this.store.update('nodes', { name: node.metadata.name }, (current) => ({
        ...current,
        status: {
          ...(current.status as object),
          conditions: [
            {
              type: 'Ready',
              status: ready ? 'True' : 'Unknown',
              reason: ready ? 'KubeletReady' : 'NodeStatusUnknown',
              message: ready ? 'kubelet is posting ready status' : 'Kubelet stopped posting node status.',
              lastTransitionTime: new Date().toISOString(),
            },
          ],
        },
      }));
      if (ready) this.notReadySince.delete(node.metadata.name);
      else this.notReadySince.set(node.metadata.name, Date.now());
      this.event(
        { kind: 'Node', name: node.metadata.name },
        ready ? 'Normal' : 'Warning',
        ready ? 'NodeReady' : 'NodeNotReady',
        ready
          ? `Node ${node.metadata.name} status is now: NodeReady`
          : `Node ${node.metadata.name} status is now: NodeNotReady (server ${server.id} is ${server.state})`,
      );
    }
  }

  // --- StatefulSet and Deployment controllers ---------------------------------------------

  private ensureWorkloads(): void {
    for (const workload of this.options.workloads) {
      if (!this.store.get('namespaces', { name: workload.namespace })) {
        this.store.create('namespaces', { metadata: { name: workload.namespace } });
      }
      const shared = workload.kind === 'Deployment' ? claimNameOf(workload, 0) : undefined;
      if (shared) this.ensureClaim(workload, shared);
      const existing = this.store
        .list('pods', workload.namespace)
        .filter((pod) => pod.metadata.labels?.app === workload.name);
      if (workload.kind === 'StatefulSet') {
        for (let i = 0; i < workload.replicas; i++) {
          const claim = claimNameOf(workload, i);
          if (claim) this.ensureClaim(workload, claim);
          const name = `${workload.name}-${i}`;
          if (!existing.some((pod) => pod.metadata.name === name)) this.createPod(workload, name, claim);
        }
      } else {
        for (let i = existing.length; i < workload.replicas; i++) {
          const name = `${replicaSetOf(workload)}-${randomSuffix()}`;
          this.createPod(workload, name, shared);
        }
      }
    }
  }

  private ensureClaim(workload: SimulatedWorkload, name: string): void {
    if (!workload.claim || this.store.get('persistentvolumeclaims', { name, namespace: workload.namespace }))
      return;
    this.store.create('persistentvolumeclaims', {
      metadata: { name, namespace: workload.namespace, labels: { app: workload.name } },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: workload.claim.storageClass,
        resources: { requests: { storage: workload.claim.size } },
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Pending' },
    });
  }

  private createPod(workload: SimulatedWorkload, name: string, claim: string | undefined): void {
    const stateful = workload.kind === 'StatefulSet';
    const owner = stateful ? workload.name : replicaSetOf(workload);
    const input: KubeObjectInput = {
      metadata: {
        name,
        namespace: workload.namespace,
        labels: {
          app: workload.name,
          ...(stateful
            ? { 'statefulset.kubernetes.io/pod-name': name }
            : { 'pod-template-hash': templateHash(workload) }),
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: stateful ? 'StatefulSet' : 'ReplicaSet',
            name: owner,
            uid: uidFor(`${workload.namespace}/${owner}`),
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        containers: [{ name: workload.name, image: workload.image }],
        volumes: claim ? [{ name: 'data', persistentVolumeClaim: { claimName: claim } }] : [],
        ...(stateful ? { hostname: name, subdomain: workload.name } : {}),
      },
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False' }] },
    };
    this.store.create('pods', input);
  }

  // --- external-provisioner: CreateVolume for Pending claims of Drivebay's classes --------

  private async provision(): Promise<void> {
    for (const claim of this.store.list('persistentvolumeclaims')) {
      if (specOf(claim).volumeName) continue;
      const className = String(specOf(claim).storageClassName ?? '');
      const storageClass = this.store.get('storageclasses', { name: className });
      if (!storageClass || storageClass.provisioner !== PROVISIONER) continue;
      const key = `${claim.metadata.namespace}/${claim.metadata.name}`;
      const failedAt = this.provisionFailedAt.get(key);
      if (failedAt !== undefined && Date.now() - failedAt < this.options.provisionRetryMs) continue;
      // External-provisioner names PVs "pvc-<claim uid>"; here the uid is derived from the claim's
      // name, so that a restarted simulator asks for the same volume and CreateVolume is idempotent.
      const pvName = `pvc-${uidFor(`${this.options.cluster}/${key}`)}`;
      const size = String(
        (specOf(claim).resources as { requests?: { storage?: string } })?.requests?.storage ?? '1Gi',
      );
      try {
        const request = VolumeRequestSchema.parse({
          name: pvName,
          capacityBytes: quantityBytes(size),
          cluster: this.options.cluster,
          reclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
          parameters: storageClass.parameters ?? {},
        });
        const { volume } = await this.csi.compose(request, this.actor);
        this.provisionFailedAt.delete(key);
        if (!this.store.get('persistentvolumes', { name: pvName })) {
          this.store.create('persistentvolumes', {
            metadata: {
              name: pvName,
              annotations: { 'pv.kubernetes.io/provisioned-by': PROVISIONER },
            },
            spec: {
              capacity: { storage: size },
              accessModes: ['ReadWriteOnce'],
              persistentVolumeReclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
              storageClassName: className,
              claimRef: {
                kind: 'PersistentVolumeClaim',
                apiVersion: 'v1',
                namespace: claim.metadata.namespace,
                name: claim.metadata.name,
                uid: claim.metadata.uid,
              },
              csi: {
                driver: PROVISIONER,
                volumeHandle: volume.id,
                fsType: volume.request.parameters.fsType,
                volumeAttributes: { layout: volume.layout, media: volume.media },
              },
              volumeMode: 'Filesystem',
            },
            status: { phase: 'Bound' },
          });
        }
        this.store.update(
          'persistentvolumeclaims',
          { name: claim.metadata.name, namespace: claim.metadata.namespace },
          (current) => ({
            ...current,
            spec: { ...specOf(current), volumeName: pvName },
            status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: size } },
          }),
        );
        this.event(
          claimRef(claim),
          'Normal',
          'ProvisioningSucceeded',
          `Successfully provisioned volume ${pvName} (${volume.layout} on ${volume.members.length} ${volume.media} member(s))`,
        );
      } catch (error) {
        this.provisionFailedAt.set(key, Date.now());
        this.event(
          claimRef(claim),
          'Warning',
          'ProvisioningFailed',
          `failed to provision volume with StorageClass "${className}": ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  // --- scheduler: bound claims first; prefer the server the volume is published to --------

  private schedule(): void {
    const nodes = this.store.list('nodes').filter(isReady);
    if (nodes.length === 0) return;
    const load = new Map(nodes.map((n) => [n.metadata.name, 0]));
    for (const pod of this.store.list('pods')) {
      const node = specOf(pod).nodeName as string | undefined;
      if (node && load.has(node)) load.set(node, (load.get(node) ?? 0) + 1);
    }
    for (const pod of this.store.list('pods')) {
      if (specOf(pod).nodeName || pod.metadata.deletionTimestamp) continue;
      const volumes = this.volumesOf(pod);
      if (volumes === undefined) continue; // a claim is not bound yet
      const preferred = volumes.map((v) => v.server).find((s) => s !== null);
      const node =
        nodes.find((n) => preferred && n.metadata.labels?.['drivebay.io/server'] === preferred) ??
        [...nodes].sort(
          (a, b) =>
            (load.get(a.metadata.name) ?? 0) - (load.get(b.metadata.name) ?? 0) ||
            spread(pod.metadata.name, a.metadata.name) - spread(pod.metadata.name, b.metadata.name),
        )[0];
      if (!node) continue;
      load.set(node.metadata.name, (load.get(node.metadata.name) ?? 0) + 1);
      this.store.update('pods', podRef(pod), (current) => ({
        ...current,
        spec: { ...specOf(current), nodeName: node.metadata.name },
        status: { ...statusOf(current), conditions: [{ type: 'PodScheduled', status: 'True' }] },
      }));
      this.event(
        { kind: 'Pod', ...podRef(pod) },
        'Normal',
        'Scheduled',
        `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`,
      );
    }
  }

  /** The composer volumes under a pod's claims; undefined while any claim is unbound. */
  private volumesOf(pod: KubeObject): Volume[] | undefined {
    const volumes: Volume[] = [];
    for (const claimName of claimNamesOf(pod)) {
      const claim = this.store.get('persistentvolumeclaims', {
        name: claimName,
        namespace: pod.metadata.namespace,
      });
      const pvName = claim ? (specOf(claim).volumeName as string | undefined) : undefined;
      const pv = pvName ? this.store.get('persistentvolumes', { name: pvName }) : undefined;
      const handle = pv ? (specOf(pv).csi as { volumeHandle?: string } | undefined)?.volumeHandle : undefined;
      if (!handle) return undefined;
      try {
        volumes.push(this.csi.get(handle));
      } catch {
        return undefined;
      }
    }
    return volumes;
  }

  // --- attacher and kubelet: publish the volumes to the node's server, then run -----------

  private async startPods(): Promise<void> {
    for (const pod of this.store.list('pods')) {
      const nodeName = specOf(pod).nodeName as string | undefined;
      if (!nodeName || statusOf(pod).phase === 'Running' || pod.metadata.deletionTimestamp) continue;
      const node = this.store.get('nodes', { name: nodeName });
      const serverId = node?.metadata.labels?.['drivebay.io/server'];
      if (!node || !serverId || !isReady(node)) continue;
      const volumes = this.volumesOf(pod) ?? [];
      try {
        for (const volume of volumes) await this.attach(volume, serverId, nodeName, pod);
      } catch (error) {
        this.event(
          { kind: 'Pod', ...podRef(pod) },
          'Warning',
          'FailedAttachVolume',
          `AttachVolume.Attach failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        continue;
      }
      this.store.update('pods', podRef(pod), (current) => {
        const restarts = ((statusOf(current).containerStatuses as { restartCount?: number }[] | undefined) ??
          [])[0]?.restartCount;
        return {
          ...current,
          status: {
            phase: 'Running',
            startTime: new Date().toISOString(),
            podIP: podIp(pod.metadata.name),
            conditions: [
              { type: 'PodScheduled', status: 'True' },
              { type: 'Ready', status: 'True' },
            ],
            containerStatuses: [
              {
                name: (specOf(current).containers as { name: string }[])[0]?.name ?? 'main',
                ready: true,
                restartCount: restarts ?? 0,
                state: { running: { startedAt: new Date().toISOString() } },
              },
            ],
          },
        };
      });
      this.event({ kind: 'Pod', ...podRef(pod) }, 'Normal', 'Started', `Started container on ${nodeName}`);
    }
  }

  /** ControllerPublish to the pod's server (unpublishing from a previous one first), then stage and publish. */
  private async attach(volume: Volume, serverId: string, nodeName: string, pod: KubeObject): Promise<void> {
    let current = volume;
    if (current.server && current.server !== serverId) {
      // The attach-detach controller detaching from the old (possibly dead) node.
      for (const path of current.targetPaths)
        current = await this.csi.nodeUnpublish(current.id, path, this.actor);
      if (current.stagingPath) current = await this.csi.unstage(current.id, current.stagingPath, this.actor);
      current = await this.csi.unpublish(current.id, current.server as string, this.actor);
      for (const va of this.store.list('volumeattachments')) {
        if ((specOf(va).source as { persistentVolumeName?: string })?.persistentVolumeName === current.name) {
          this.store.delete('volumeattachments', { name: va.metadata.name });
        }
      }
    }
    current = await this.csi.publish(current.id, serverId, this.actor);
    const vaName = `csi-${uidFor(`${current.name}/${nodeName}`).replaceAll('-', '')}`;
    if (!this.store.get('volumeattachments', { name: vaName })) {
      this.store.create('volumeattachments', {
        metadata: { name: vaName },
        spec: { attacher: PROVISIONER, nodeName, source: { persistentVolumeName: current.name } },
        status: { attached: true, attachmentMetadata: { server: serverId } },
      });
    }
    const staging = `/var/lib/kubelet/plugins/kubernetes.io/csi/${PROVISIONER}/${current.name}/globalmount`;
    current = await this.csi.stage(current.id, staging, this.actor);
    const target = `/var/lib/kubelet/pods/${pod.metadata.uid}/volumes/kubernetes.io~csi/${current.name}/mount`;
    for (const path of current.targetPaths.filter((p) => p !== target)) {
      current = await this.csi.nodeUnpublish(current.id, path, this.actor);
    }
    await this.csi.nodePublish(current.id, target, this.actor);
  }

  // --- node lifecycle controller: evict pods from nodes NotReady too long -----------------

  private evict(): void {
    for (const [nodeName, since] of this.notReadySince) {
      if (Date.now() - since < this.options.evictAfterMs) continue;
      for (const pod of this.store.list('pods')) {
        if (specOf(pod).nodeName !== nodeName) continue;
        this.event(
          { kind: 'Pod', ...podRef(pod) },
          'Warning',
          'TaintManagerEviction',
          `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name} (node ${nodeName} is not ready)`,
        );
        this.store.delete('pods', podRef(pod));
      }
    }
  }

  // --- kubelet: a container restarting now and then ---------------------------------------

  private restartNow(): void {
    if (this.options.restartEveryMs <= 0 || Date.now() - this.lastRestart < this.options.restartEveryMs)
      return;
    this.lastRestart = Date.now();
    const running = this.store.list('pods').filter((p) => statusOf(p).phase === 'Running');
    const pod = running[this.restartCursor++ % Math.max(1, running.length)];
    if (!pod) return;
    this.store.update('pods', podRef(pod), (current) => {
      const statuses = (statusOf(current).containerStatuses as Record<string, unknown>[] | undefined) ?? [];
      return {
        ...current,
        status: {
          ...statusOf(current),
          containerStatuses: statuses.map((s) => ({
            ...s,
            restartCount: Number(s.restartCount ?? 0) + 1,
            lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
          })),
        },
      };
    });
    this.event(
      { kind: 'Pod', ...podRef(pod) },
      'Warning',
      'BackOff',
      `Container restarted after OOMKilled (exit code 137)`,
    );
  }

  private event(
    involved: { kind: string; name: string; namespace?: string | undefined },
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
    const now = new Date().toISOString();
    const namespace = involved.namespace ?? NAMESPACE_OF_EVENTS;
    this.store.create('events', {
      metadata: { generateName: `${involved.name}.`, namespace },
      involvedObject: { kind: involved.kind, name: involved.name, ...(involved.namespace && { namespace }) },
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component: 'drivebay-simulated-cluster' },
    });
  }
}

const specOf = (o: KubeObject) => (o.spec ?? {}) as Record<string, unknown>;
const statusOf = (o: KubeObject) => (o.status ?? {}) as Record<string, unknown>;
const podRef = (pod: KubeObject) => ({
  name: pod.metadata.name,
  namespace: pod.metadata.namespace ?? 'default',
});
const claimRef = (claim: KubeObject) => ({
  kind: 'PersistentVolumeClaim',
  name: claim.metadata.name,
  namespace: claim.metadata.namespace,
});

function isReady(node: KubeObject): boolean {
  const conditions = (statusOf(node).conditions as { type: string; status: string }[] | undefined) ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

function claimNamesOf(pod: KubeObject): string[] {
  const volumes =
    (specOf(pod).volumes as { persistentVolumeClaim?: { claimName: string } }[] | undefined) ?? [];
  return volumes.flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []));
}

/** A stable uid-shaped id from a name. */
function uidFor(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function templateHash(workload: SimulatedWorkload): string {
  return createHash('sha256')
    .update(`${workload.namespace}/${workload.name}/${workload.image}`)
    .digest('hex')
    .slice(0, 10);
}

const replicaSetOf = (workload: SimulatedWorkload) => `${workload.name}-${templateHash(workload)}`;

function randomSuffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return Array.from({ length: 5 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

/** A deterministic tie-break, so replicas spread over nodes instead of piling on the first. */
function spread(pod: string, node: string): number {
  return createHash('sha1').update(`${pod}@${node}`).digest().readUInt32BE(0);
}

function podIp(name: string): string {
  const n = createHash('sha1').update(name).digest();
  return `10.244.${n[0]}.${((n[1] ?? 0) % 254) + 1}`;
}
