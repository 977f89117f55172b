import type { Drive } from '@drivebay/api-types';
import { driveById, type TopologyModel } from '../model/topologyModel';

/** The drive whose id or serial is `query` (exact; serials also case-insensitively). */
export function findDrive(model: TopologyModel, query: string): Drive | undefined {
  const wanted = query.trim();
  if (wanted === '') return undefined;
  const byId = driveById(model, wanted) ?? driveById(model, wanted.toLowerCase());
  if (byId) return byId;
  const upper = wanted.toUpperCase();
  let caseless: Drive | undefined;
  for (const drive of model.drives) {
    if (!drive) continue;
    if (drive.serial === wanted) return drive;
    if (!caseless && drive.serial.toUpperCase() === upper) caseless = drive;
  }
  return caseless;
}
