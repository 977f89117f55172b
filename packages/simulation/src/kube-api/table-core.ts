import { since } from './human-duration.js';
import { readArray, readPath, readString } from './object-path.js';
import { ageColumn, type Column, nameColumn, pathColumn } from './table-columns.js';
import type { KubeObject } from './types.js';

function nodeAddress(node: KubeObject, type: string): string {
  const found = readArray(node, 'status.addresses').find((a) => readString(a, 'type') === type);
  return readString(found, 'address') || '<none>';
}

/** nodes: NAME STATUS ROLES AGE VERSION, wide adds addresses and node info. */
export const nodeColumns: Column[] = [
  nameColumn,
  {
    name: 'Status',
    type: 'string',
    description: 'The status of the node',
    cell: (node) => {
      const ready = readArray(node, 'status.conditions').find((c) => readString(c, 'type') === 'Ready');
      const status = readString(ready, 'status') === 'True' ? 'Ready' : 'NotReady';
      return readPath(node, 'spec.unschedulable') === true ? `${status},SchedulingDisabled` : status;
    },
  },
  {
    name: 'Roles',
    type: 'string',
    description: 'The roles of the node',
    cell: (node) => {
      const prefix = 'node-role.kubernetes.io/';
      const roles = Object.keys(node.metadata.labels ?? {}).filter((key) => key.startsWith(prefix));
      return roles.map((key) => key.slice(prefix.length)).join(',') || '<none>';
    },
  },
  ageColumn,
  pathColumn('Version', 'status.nodeInfo.kubeletVersion', {}, ''),
  { ...pathColumn('Internal-IP', ''), priority: 1, cell: (node) => nodeAddress(node, 'InternalIP') },
  { ...pathColumn('External-IP', ''), priority: 1, cell: (node) => nodeAddress(node, 'ExternalIP') },
  pathColumn('OS-Image', 'status.nodeInfo.osImage', { priority: 1 }, '<unknown>'),
  pathColumn('Kernel-Version', 'status.nodeInfo.kernelVersion', { priority: 1 }, '<unknown>'),
  pathColumn('Container-Runtime', 'status.nodeInfo.containerRuntimeVersion', { priority: 1 }, '<unknown>'),
];

/** namespaces: NAME STATUS AGE. */
export const namespaceColumns: Column[] = [
  nameColumn,
  pathColumn('Status', 'status.phase', {}, ''),
  ageColumn,
];

function eventLastSeen(event: KubeObject, now: number): string {
  const last = readString(event, 'lastTimestamp') || readString(event, 'eventTime');
  const count = Number(readPath(event, 'count') ?? 1);
  if (count <= 1) return since(last, now);
  return `${since(last, now)} (x${count} over ${since(readString(event, 'firstTimestamp') || last, now)})`;
}

/** events: LAST SEEN TYPE REASON OBJECT MESSAGE, wide adds source and counts. */
export const eventColumns: Column[] = [
  {
    name: 'Last Seen',
    type: 'string',
    description: 'Time since the event was last seen',
    cell: eventLastSeen,
  },
  pathColumn('Type', 'type', {}, ''),
  pathColumn('Reason', 'reason', {}, ''),
  {
    name: 'Object',
    type: 'string',
    description: 'The object this event is about',
    cell: (event) =>
      `${readString(event, 'involvedObject.kind').toLowerCase()}/${readString(event, 'involvedObject.name')}`,
  },
  pathColumn('Subobject', 'involvedObject.fieldPath', { priority: 1 }, ''),
  pathColumn('Source', 'source.component', { priority: 1 }, ''),
  pathColumn('Message', 'message', {}, ''),
  {
    ...pathColumn('First Seen', 'firstTimestamp', { priority: 1 }),
    cell: (e, now) => since(readString(e, 'firstTimestamp'), now),
  },
  {
    name: 'Count',
    type: 'integer',
    priority: 1,
    description: 'count',
    cell: (e) => Number(readPath(e, 'count') ?? 1),
  },
  { ...nameColumn, priority: 1 },
];

/** leases: NAME HOLDER AGE. */
export const leaseColumns: Column[] = [
  nameColumn,
  pathColumn('Holder', 'spec.holderIdentity', {}, ''),
  ageColumn,
];
