import {
  type DictColumn,
  type Drive,
  type DriveColumns,
  DriveHealthSchema,
  decodeDriveColumns,
  MediaSchema,
} from '@drivebay/api-types';

/**
 * Decodes the snapshot's drive columns after checking what the zod schema cannot express:
 * equal column lengths, dictionary codes in range, and media/health values from their enums.
 * Without these checks a malformed snapshot would decode into silently wrong drives.
 */
export function decodeCheckedDriveColumns(columns: DriveColumns): Drive[] {
  const rows = columns.id.length;
  const plain = {
    serial: columns.serial,
    bay: columns.bay,
    rpm: columns.rpm,
    capacityBytes: columns.capacityBytes,
  };
  for (const [name, values] of Object.entries(plain)) checkLength(name, values.length, rows);
  const dicts = {
    model: columns.model,
    enclosure: columns.enclosure,
    media: columns.media,
    tags: columns.tags,
    health: columns.health,
  };
  for (const [name, dict] of Object.entries(dicts)) checkDict(name, dict, rows);
  checkValues('media', columns.media.values, MediaSchema.options);
  checkValues('health', columns.health.values, DriveHealthSchema.options);
  return decodeDriveColumns(columns);
}

function checkLength(name: string, length: number, rows: number): void {
  if (length !== rows) {
    throw new Error(`Topology snapshot: drive column "${name}" has ${length} rows, expected ${rows}`);
  }
}

function checkDict(name: string, dict: DictColumn, rows: number): void {
  checkLength(name, dict.codes.length, rows);
  const size = dict.values.length;
  for (const code of dict.codes) {
    if (code >= size)
      throw new Error(`Topology snapshot: drive column "${name}" has code ${code} out of range`);
  }
}

function checkValues(name: string, values: readonly string[], allowed: readonly string[]): void {
  for (const value of values) {
    if (!allowed.includes(value)) throw new Error(`Topology snapshot: unknown drive ${name} "${value}"`);
  }
}
