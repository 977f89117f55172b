import type { Volume } from '@drivebay/api-types';
import type { CsiVolume, StringMap, VolumeCondition } from '../csi/messages.js';

/**
 * StorageClass parameters Kubernetes adds for its own use (`--extra-create-metadata`: the PVC's
 * name and namespace, the PV's name) and the sidecars' secret references: not Drivebay's.
 */
const RESERVED_PREFIX = 'csi.storage.k8s.io/';

export function drivebayParameters(parameters: StringMap): StringMap {
  return Object.fromEntries(Object.entries(parameters).filter(([key]) => !key.startsWith(RESERVED_PREFIX)));
}

/** The volume as CSI describes it; the context travels to the node's NodeStage and NodePublish. */
export function csiVolumeOf(volume: Volume): CsiVolume {
  return {
    volume_id: volume.id,
    capacity_bytes: String(volume.capacityBytes),
    volume_context: {
      'drivebay.io/layout': volume.layout,
      'drivebay.io/media': volume.media,
      'drivebay.io/type': volume.request.parameters.type,
      'drivebay.io/fsType': volume.request.parameters.fsType,
    },
    content_source: null,
    accessible_topology: [],
  };
}

/** Abnormal while a set has lost a copy (degraded) or all of them (failed); rebuilding is said, not flagged. */
export function conditionOf(volume: Volume): VolumeCondition {
  switch (volume.health) {
    case 'healthy':
      return { abnormal: false, message: 'healthy: every member active' };
    case 'rebuilding':
      return {
        abnormal: false,
        message: 'rebuilding a member onto a replacement drive; data is served meanwhile',
      };
    case 'degraded':
      return {
        abnormal: true,
        message: 'degraded: a mirrored set has lost a copy and has no rebuild running',
      };
    case 'failed':
      return { abnormal: true, message: 'failed: a stripe set has no working copy; data is unavailable' };
  }
}

export function statusOf(volume: Volume) {
  return { published_node_ids: volume.server ? [volume.server] : [], volume_condition: conditionOf(volume) };
}
