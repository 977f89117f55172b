/** The plural name of a simulated resource: the key the store API and URLs use. */
export type ResourceName =
  | 'namespaces'
  | 'pods'
  | 'nodes'
  | 'persistentvolumeclaims'
  | 'persistentvolumes'
  | 'events'
  | 'storageclasses'
  | 'volumeattachments'
  | 'leases';

/** One API resource the simulator serves, described the way discovery describes it. */
export interface ResourceDef {
  readonly plural: ResourceName;
  readonly singular: string;
  readonly kind: string;
  /** '' is the legacy core group served under /api. */
  readonly group: '' | 'storage.k8s.io' | 'coordination.k8s.io';
  readonly version: 'v1';
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  /** kubectl expands `get all` through categories. */
  readonly categories: readonly string[];
  /** Field selector paths beyond metadata.name/namespace, as the real apiserver allows them per kind. */
  readonly fields: readonly string[];
}

/** The verbs every simulated resource answers (no deletecollection, no subresources). */
export const RESOURCE_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] as const;

const core = { group: '', version: 'v1' } as const;
const storage = { group: 'storage.k8s.io', version: 'v1' } as const;
const coordination = { group: 'coordination.k8s.io', version: 'v1' } as const;

/** The resource table: everything the simulated cluster knows about. */
export const RESOURCES = [
  {
    ...core,
    plural: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    categories: [],
    fields: ['status.phase'],
  },
  {
    ...core,
    plural: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
    fields: [
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.nominatedNodeName',
    ],
  },
  {
    ...core,
    plural: 'nodes',
    singular: 'node',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
    categories: [],
    fields: ['spec.unschedulable'],
  },
  {
    ...core,
    plural: 'persistentvolumeclaims',
    singular: 'persistentvolumeclaim',
    kind: 'PersistentVolumeClaim',
    namespaced: true,
    shortNames: ['pvc'],
    categories: [],
    fields: [],
  },
  {
    ...core,
    plural: 'persistentvolumes',
    singular: 'persistentvolume',
    kind: 'PersistentVolume',
    namespaced: false,
    shortNames: ['pv'],
    categories: [],
    fields: [],
  },
  {
    ...core,
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
    categories: [],
    // The apiserver's selectable fields of core/v1 Events (kubectl describe selects on name, namespace, uid, kind).
    fields: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
    ],
  },
  {
    ...storage,
    plural: 'storageclasses',
    singular: 'storageclass',
    kind: 'StorageClass',
    namespaced: false,
    shortNames: ['sc'],
    categories: [],
    fields: [],
  },
  {
    ...storage,
    plural: 'volumeattachments',
    singular: 'volumeattachment',
    kind: 'VolumeAttachment',
    namespaced: false,
    shortNames: [],
    categories: [],
    fields: [],
  },
  {
    // Node heartbeats (kube-node-lease), which kubectl describe node shows.
    ...coordination,
    plural: 'leases',
    singular: 'lease',
    kind: 'Lease',
    namespaced: true,
    shortNames: [],
    categories: [],
    fields: [],
  },
] as const satisfies readonly ResourceDef[];

/** `v1` for the core group, `group/version` otherwise: what apiVersion says. */
export function groupVersion(def: ResourceDef): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

/** The definition of a resource by its plural name. */
export function resourceDef(name: ResourceName): ResourceDef {
  return RESOURCES.find((def) => def.plural === name)!;
}

/** The resource served at group/version/plural, if the simulator serves it. */
export function findResource(group: string, version: string, plural: string): ResourceDef | undefined {
  return RESOURCES.find((def) => def.group === group && def.version === version && def.plural === plural);
}
