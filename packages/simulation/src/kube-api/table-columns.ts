import { since } from './human-duration.js';
import { readString } from './object-path.js';
import type { KubeObject } from './types.js';

/** A cell of a meta.k8s.io Table: final text (or a number) the client prints as is. */
export type Cell = string | number | boolean;

/** One column as the apiserver's printers declare it; priority 1 columns only show with `-o wide`. */
export interface Column {
  name: string;
  type: 'string' | 'integer' | 'boolean';
  priority?: 1;
  description: string;
  cell: (object: KubeObject, now: number) => Cell;
}

/** The Name column every kind starts with (format `name`, which kubectl uses for `-o name` too). */
export const nameColumn: Column = {
  name: 'Name',
  type: 'string',
  description: 'Name must be unique within a namespace.',
  cell: (object) => object.metadata.name,
};

/** The Age column: time since creation. */
export const ageColumn: Column = {
  name: 'Age',
  type: 'string',
  description: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
  cell: (object, now) => since(object.metadata.creationTimestamp ?? '', now),
};

/** A string column read from a dotted path, with the placeholder kubectl shows for nothing. */
export function pathColumn(
  name: string,
  path: string,
  extra: Partial<Column> = {},
  empty = '<none>',
): Column {
  return {
    name,
    type: 'string',
    description: `${path} of the object.`,
    cell: (object) => readString(object, path) || empty,
    ...extra,
  };
}

const ACCESS_MODES: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** Access modes abbreviated as kubectl prints them (`RWO,ROX`). */
export function accessModes(modes: unknown[]): string {
  return modes.map((mode) => ACCESS_MODES[String(mode)] ?? String(mode)).join(',');
}
