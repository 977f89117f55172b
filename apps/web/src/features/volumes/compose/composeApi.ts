import {
  ComposeResponseSchema,
  PlacementPreviewSchema,
  type Volume,
  type VolumeRequest,
} from '@drivebay/api-types';
import { sendJson } from '../../../shared/api/sendJson';
import { VOLUMES_PATH } from '../api/volumeQueries';

export const PREVIEW_PATH = '/api/v1/placement/preview';

/** The dry run: what would be chosen and why, or which constraint cannot be met. Nothing is allocated. */
export function previewPlacement(request: VolumeRequest) {
  return sendJson('POST', PREVIEW_PATH, request, { schema: PlacementPreviewSchema });
}

/** Composes the volume (operator); the same name and request again returns the same volume. */
export function composeVolume(request: VolumeRequest) {
  return sendJson('POST', VOLUMES_PATH, request, { schema: ComposeResponseSchema });
}

/** DeleteVolume by reclaim policy; `purge` frees a Released one. Live deltas update the lists. */
export function deleteVolume(volume: Volume, purge: boolean): Promise<void> {
  const query = purge ? '?purge=true' : '';
  return sendJson('DELETE', `${VOLUMES_PATH}/${encodeURIComponent(volume.id)}${query}`);
}
