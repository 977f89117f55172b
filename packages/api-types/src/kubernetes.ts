import { z } from 'zod';
import { DriveHealthSchema, IdSchema, MediaSchema, ServerStateSchema } from './inventory.js';
import { queryWholeNumber } from './query.js';
import { VolumeHealthSchema, VolumeSchema } from './volumes.js';

/** Drivebay's CSI driver: PVs it provisioned carry it, and their volumeHandle is the composer volume id. */
export const DRIVEBAY_DRIVER = 'csi.drivebay.io';

/**
 * What the podwatcher records about the Kubernetes clusters that use the site: the clusters it
 * watches, their nodes (matched to servers), PVCs (resolved to composer volumes) and pods (bound
 * to a server and to volumes). A pod record is the binding the architecture speaks of:
 * pod → node → server and pod → PVCs → PVs → volumes.
 */

/** Where a cluster's API comes from. */
export const ClusterSourceSchema = z.enum(['simulator', 'kubeconfig', 'in-cluster']);
export type ClusterSource = z.infer<typeof ClusterSourceSchema>;

/**
 * connecting: first list not done yet; watching: lists done and watches open; retrying: a watch
 * failed and is being restarted with backoff (bindings are kept, they may be stale);
 * standby: another replica holds the cluster's lease.
 */
export const ClusterStateSchema = z.enum(['connecting', 'watching', 'retrying', 'standby']);
export type ClusterState = z.infer<typeof ClusterStateSchema>;

/** Whether Drivebay annotates PVs and PVCs with their volume, logical node and server. */
export const WriteBackSchema = z.enum(['enabled', 'denied', 'disabled']);
export type WriteBack = z.infer<typeof WriteBackSchema>;

export const ClusterSchema = z.object({
  /** The logical cluster id: volumes of this cluster carry it as `cluster`. */
  id: IdSchema,
  /** kubeconfig context name, "in-cluster", or "simulated". */
  context: z.string(),
  source: ClusterSourceSchema,
  /** The API server URL. */
  server: z.string(),
  state: ClusterStateSchema,
  /** Why the cluster is in its state: the last error while retrying, what is listed while connecting. */
  message: z.string(),
  writeBack: WriteBackSchema,
  /** Kubernetes Events up to this time (ISO) are in the timeline; later ones are mirrored next. */
  eventsThrough: z.string().nullable(),
  updatedAt: z.string(),
});
export type Cluster = z.infer<typeof ClusterSchema>;

/** The workload that owns a pod, resolved through its ownerReferences (ReplicaSet → Deployment). */
export const WorkloadRefSchema = z.object({
  kind: z.string().min(1),
  name: z.string().min(1),
});
export type WorkloadRef = z.infer<typeof WorkloadRefSchema>;

export const KubeNodeSchema = z.object({
  cluster: IdSchema,
  name: z.string(),
  uid: z.string(),
  ready: z.boolean(),
  /** The composer server the node runs on, or null when no server matches. */
  server: IdSchema.nullable(),
  /** How the server was matched: by the `drivebay.io/server` label or by the node name being its hostname or id. */
  matchedBy: z.enum(['label', 'name']).nullable(),
});
export type KubeNode = z.infer<typeof KubeNodeSchema>;

export const ClaimSchema = z.object({
  cluster: IdSchema,
  namespace: z.string(),
  name: z.string(),
  uid: z.string(),
  /** Pending, Bound or Lost. */
  phase: z.string(),
  storageClass: z.string().nullable(),
  requestBytes: z.number().int().nonnegative().nullable(),
  /** The bound PersistentVolume. */
  pv: z.string().nullable(),
  /** The PV's CSI driver and volumeHandle. */
  driver: z.string().nullable(),
  volumeHandle: z.string().nullable(),
  /** The composer volume the volumeHandle names, when the driver is Drivebay's (the volume may since have been deleted). */
  volumeId: IdSchema.nullable(),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const PodSchema = z.object({
  cluster: IdSchema,
  namespace: z.string(),
  name: z.string(),
  uid: z.string(),
  /** Pending, Running, Succeeded, Failed or Unknown; "Terminating" once deletion began. */
  phase: z.string(),
  ready: z.boolean(),
  restarts: z.number().int().nonnegative(),
  node: z.string().nullable(),
  /** The composer server under the pod's node. */
  server: IdSchema.nullable(),
  workload: WorkloadRefSchema.nullable(),
  /** Names of the PVCs the pod mounts (in its namespace). */
  claims: z.array(z.string()),
  /** Composer volumes behind those PVCs, in claim order, without gaps for unresolved ones. */
  volumeIds: z.array(IdSchema),
  startedAt: z.string().nullable(),
});
export type Pod = z.infer<typeof PodSchema>;

/** A pod as listed: with the worst health of its volumes (null when it has none). */
export const PodViewSchema = PodSchema.extend({ health: VolumeHealthSchema.nullable() });
export type PodView = z.infer<typeof PodViewSchema>;

export const ClaimViewSchema = ClaimSchema.extend({
  health: VolumeHealthSchema.nullable(),
  /** Pods (names, same namespace) that mount the claim. */
  pods: z.array(z.string()),
});
export type ClaimView = z.infer<typeof ClaimViewSchema>;

export const ClusterSummarySchema = ClusterSchema.extend({
  counts: z.object({
    nodes: z.number().int(),
    /** Nodes whose server is known. */
    nodesMatched: z.number().int(),
    pods: z.number().int(),
    /** Pods with at least one Drivebay volume. */
    podsWithVolumes: z.number().int(),
    claims: z.number().int(),
    /** Claims resolved to a composer volume. */
    claimsResolved: z.number().int(),
  }),
});
export type ClusterSummary = z.infer<typeof ClusterSummarySchema>;

export const ClusterListSchema = z.object({ clusters: z.array(ClusterSummarySchema) });
export type ClusterList = z.infer<typeof ClusterListSchema>;

/** Filters shared by pod and claim lists. `cluster` absent means all clusters. */
const KubeQueryBase = {
  cluster: IdSchema.optional(),
  namespace: z.string().min(1).max(253).optional(),
  /** Text in the namespace/name (case-insensitive). */
  q: z.string().min(1).max(200).optional(),
  /** Only those using this composer volume. */
  volume: IdSchema.optional(),
  /** Only those whose volumes have a member on this drive. */
  drive: IdSchema.optional(),
  /** Only those whose volumes have a member in this enclosure. */
  enclosure: IdSchema.optional(),
  /** Only those whose volumes are degraded, rebuilding or failed. */
  affected: z.enum(['true', 'false']).optional(),
  limit: queryWholeNumber(1, 5000, 500),
};

export const PodListQuerySchema = z
  .object({
    ...KubeQueryBase,
    /** "Kind/name", e.g. "StatefulSet/cassandra". */
    workload: z
      .string()
      .regex(/^[A-Za-z]+\/[^/]+$/, 'Kind/name, e.g. StatefulSet/cassandra')
      .optional(),
    server: IdSchema.optional(),
    node: z.string().min(1).max(253).optional(),
  })
  .strict();
export type PodListQuery = z.infer<typeof PodListQuerySchema>;

export const ClaimListQuerySchema = z.object(KubeQueryBase).strict();
export type ClaimListQuery = z.infer<typeof ClaimListQuerySchema>;

export const PodListSchema = z.object({
  pods: z.array(PodViewSchema),
  /** How many matched, before `limit`. */
  total: z.number().int(),
});
export type PodList = z.infer<typeof PodListSchema>;

export const ClaimListSchema = z.object({ claims: z.array(ClaimViewSchema), total: z.number().int() });
export type ClaimList = z.infer<typeof ClaimListSchema>;

export const WorkloadSummarySchema = z.object({
  cluster: IdSchema,
  namespace: z.string(),
  /** StatefulSet, Deployment, DaemonSet, Job …; "Pod" for a pod nothing owns. */
  kind: z.string(),
  name: z.string(),
  pods: z.number().int(),
  readyPods: z.number().int(),
  restarts: z.number().int(),
  claims: z.number().int(),
  volumeIds: z.array(IdSchema),
  servers: z.array(IdSchema),
  /** Worst health of its volumes; null without volumes. */
  health: VolumeHealthSchema.nullable(),
});
export type WorkloadSummary = z.infer<typeof WorkloadSummarySchema>;

export const NamespaceSummarySchema = z.object({
  cluster: IdSchema,
  name: z.string(),
  pods: z.number().int(),
  workloads: z.number().int(),
  claims: z.number().int(),
});
export type NamespaceSummary = z.infer<typeof NamespaceSummarySchema>;

export const WorkloadListQuerySchema = z
  .object({ cluster: IdSchema.optional(), namespace: z.string().min(1).max(253).optional() })
  .strict();
export type WorkloadListQuery = z.infer<typeof WorkloadListQuerySchema>;

export const WorkloadListSchema = z.object({
  namespaces: z.array(NamespaceSummarySchema),
  workloads: z.array(WorkloadSummarySchema),
});
export type WorkloadList = z.infer<typeof WorkloadListSchema>;

export const NodeViewSchema = KubeNodeSchema.extend({
  pods: z.number().int(),
  serverHostname: z.string().nullable(),
  serverState: ServerStateSchema.nullable(),
});
export type NodeView = z.infer<typeof NodeViewSchema>;

export const NodeListQuerySchema = z.object({ cluster: IdSchema.optional() }).strict();
export const NodeListSchema = z.object({ nodes: z.array(NodeViewSchema) });
export type NodeList = z.infer<typeof NodeListSchema>;

/** One drive (or slice of it) under a volume, with where it sits, for the chain down to the bays. */
export const ChainDriveSchema = z.object({
  driveId: IdSchema,
  serial: z.string().nullable(),
  media: MediaSchema.nullable(),
  /** Null once the drive has left the inventory (the member still records its enclosure). */
  health: DriveHealthSchema.nullable(),
  enclosureId: IdSchema,
  bay: z.number().int().nullable(),
  storageGroup: z.string(),
  slice: z.object({ offsetGiB: z.number().int(), sizeGiB: z.number().int() }).nullable(),
  set: z.number().int(),
  copy: z.number().int(),
  memberState: z.enum(['active', 'failed', 'rebuilding']),
});
export type ChainDrive = z.infer<typeof ChainDriveSchema>;

/** A PVC with everything under it: PV, composer volume, and the drives. */
export const ClaimChainSchema = z.object({
  claim: ClaimSchema,
  volume: VolumeSchema.nullable(),
  drives: z.array(ChainDriveSchema),
});
export type ClaimChain = z.infer<typeof ClaimChainSchema>;

/** `GET /api/v1/pods/:cluster/:namespace/:name`: the pod's whole chain down to the bays. */
export const PodDetailSchema = z.object({
  pod: PodViewSchema,
  node: KubeNodeSchema.nullable(),
  serverHostname: z.string().nullable(),
  serverState: ServerStateSchema.nullable(),
  claims: z.array(ClaimChainSchema),
});
export type PodDetail = z.infer<typeof PodDetailSchema>;

/** `GET /api/v1/claims/:cluster/:namespace/:name`: the claim, its pods and what is under it. */
export const ClaimDetailSchema = ClaimChainSchema.extend({
  pods: z.array(PodViewSchema),
  health: VolumeHealthSchema.nullable(),
});
export type ClaimDetail = z.infer<typeof ClaimDetailSchema>;

/** Path parameters naming a namespaced object of a cluster. */
export const NamespacedRefSchema = z.object({
  cluster: IdSchema,
  namespace: z.string().min(1).max(253),
  name: z.string().min(1).max(253),
});
export type NamespacedRef = z.infer<typeof NamespacedRefSchema>;

/** The console's id of a pod or claim in events and links: "cluster/namespace/name". */
export function kubeObjectId(ref: NamespacedRef): string {
  return `${ref.cluster}/${ref.namespace}/${ref.name}`;
}
