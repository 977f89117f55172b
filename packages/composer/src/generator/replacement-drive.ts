import type { Drive } from '@drivebay/api-types';
import { findDriveModel } from './catalog.js';
import { driveId } from './ids.js';
import { type SerialFormat, spareSerial } from './serials.js';

// For drives the generator did not make (fixtures, discovered hardware).
const FALLBACK_FORMAT: SerialFormat = { serialPrefix: 'SP', serialLength: 12 };

/**
 * The like-for-like drive a technician puts in `failed`'s bay. `sequence` counts replacements
 * across the site: distinct sequences (under one seed) give distinct serials, never one the
 * generator built a site with.
 */
export function replacementDrive(failed: Drive, sequence: number, seed = 1): Drive {
  const format = findDriveModel(failed.model) ?? FALLBACK_FORMAT;
  const serial = spareSerial(format, failed.serial, sequence, seed);
  return { ...failed, id: driveId(serial), serial, tags: [...failed.tags], health: 'ok' };
}
