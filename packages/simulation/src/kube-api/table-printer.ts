import type { ResourceDef, ResourceName } from './resources.js';
import type { Cell, Column } from './table-columns.js';
import { eventColumns, leaseColumns, namespaceColumns, nodeColumns } from './table-core.js';
import { podColumns } from './table-pods.js';
import { pvColumns, pvcColumns, storageClassColumns, volumeAttachmentColumns } from './table-storage.js';
import type { KubeObject } from './types.js';

const COLUMNS: Record<ResourceName, Column[]> = {
  namespaces: namespaceColumns,
  pods: podColumns,
  nodes: nodeColumns,
  persistentvolumeclaims: pvcColumns,
  persistentvolumes: pvColumns,
  events: eventColumns,
  storageclasses: storageClassColumns,
  volumeattachments: volumeAttachmentColumns,
  leases: leaseColumns,
};

/** How much of each object a Table row carries (the `includeObject` query parameter). */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** A meta.k8s.io/v1 Table, what kubectl asks for so the server decides the columns. */
export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion: string };
  columnDefinitions: {
    name: string;
    type: string;
    format: string;
    description: string;
    priority: number;
  }[];
  rows: { cells: Cell[]; object?: unknown }[];
}

/** The objects of one kind as a Table; kubectl prints the NAMESPACE column itself from row metadata. */
export function toTable(
  def: ResourceDef,
  objects: readonly KubeObject[],
  options: { resourceVersion: string; includeObject: IncludeObject; now: number },
): Table {
  const columns = COLUMNS[def.plural];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: options.resourceVersion },
    columnDefinitions: columns.map((column, i) => ({
      name: column.name,
      type: column.type,
      format: i === 0 && column.name === 'Name' ? 'name' : '',
      description: column.description,
      priority: column.priority ?? 0,
    })),
    rows: objects.map((object) => ({
      cells: columns.map((column) => column.cell(object, options.now)),
      ...rowObject(object, options.includeObject),
    })),
  };
}

function rowObject(object: KubeObject, include: IncludeObject): { object?: unknown } {
  if (include === 'None') return {};
  if (include === 'Object') return { object };
  return {
    object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata },
  };
}
