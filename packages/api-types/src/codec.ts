import type { Drive, DriveHealth, Media } from './inventory.js';
import type { DictColumn, DriveColumns } from './topology.js';

/** Builds a dictionary column, so repeated strings cost one small integer each. */
export function encodeDict(values: readonly string[]): DictColumn {
  const index = new Map<string, number>();
  const dict: string[] = [];
  const codes = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    let code = index.get(value);
    if (code === undefined) {
      code = dict.length;
      index.set(value, code);
      dict.push(value);
    }
    codes[i] = code;
  }
  return { values: dict, codes };
}

/** Value of row `i` of a dictionary column. */
export function dictAt(column: DictColumn, i: number): string {
  return column.values[column.codes[i] as number] as string;
}

/** Packs drives into the columnar wire form of the topology snapshot. */
export function encodeDriveColumns(drives: readonly Drive[]): DriveColumns {
  return {
    id: drives.map((d) => d.id),
    serial: drives.map((d) => d.serial),
    model: encodeDict(drives.map((d) => d.model)),
    enclosure: encodeDict(drives.map((d) => d.enclosure)),
    bay: drives.map((d) => d.bay),
    media: encodeDict(drives.map((d) => d.media)),
    rpm: drives.map((d) => d.rpm),
    capacityBytes: drives.map((d) => d.capacityBytes),
    tags: encodeDict(drives.map((d) => d.tags.join(','))),
    health: encodeDict(drives.map((d) => d.health)),
  };
}

/** Unpacks the columnar wire form back into drive records. */
export function decodeDriveColumns(columns: DriveColumns): Drive[] {
  const drives = new Array<Drive>(columns.id.length);
  for (let i = 0; i < columns.id.length; i++) {
    const tags = dictAt(columns.tags, i);
    drives[i] = {
      id: columns.id[i] as string,
      serial: columns.serial[i] as string,
      model: dictAt(columns.model, i),
      enclosure: dictAt(columns.enclosure, i),
      bay: columns.bay[i] as number,
      media: dictAt(columns.media, i) as Media,
      rpm: columns.rpm[i] as number,
      capacityBytes: columns.capacityBytes[i] as number,
      tags: tags === '' ? [] : tags.split(','),
      health: dictAt(columns.health, i) as DriveHealth,
    };
  }
  return drives;
}
