import type { StorageClassParameters, VolumeRequest } from '@drivebay/api-types';
import type { CompositionError } from '../types.js';
import { formatBytes } from './format.js';

/**
 * Contradictory parameters (INVALID_ARGUMENT) and a size outside the StorageClass limits
 * (OUT_OF_RANGE), found before any hardware is looked at.
 */
export function checkRequest(request: VolumeRequest): CompositionError | undefined {
  const { capacityBytes: size, parameters: p } = request;
  if (p.minVolumeSize !== undefined && p.maxVolumeSize !== undefined && p.minVolumeSize > p.maxVolumeSize) {
    return {
      code: 'INVALID_ARGUMENT',
      message: `minVolumeSize (${formatBytes(p.minVolumeSize)}) is larger than maxVolumeSize (${formatBytes(p.maxVolumeSize)})`,
      field: 'parameters.minVolumeSize',
    };
  }
  if (request.limitBytes !== undefined && request.limitBytes < size) {
    return {
      code: 'INVALID_ARGUMENT',
      message: `limitBytes (${formatBytes(request.limitBytes)}) is smaller than capacityBytes (${formatBytes(size)})`,
      field: 'limitBytes',
    };
  }
  const both = p.requiredTags.filter((t) => p.excludedTags.includes(t));
  if (both.length > 0) {
    return {
      code: 'INVALID_ARGUMENT',
      message: `tags both required and excluded: ${both.join(', ')}`,
      field: 'parameters.excludedTags',
    };
  }
  if (p.minVolumeSize !== undefined && size < p.minVolumeSize) {
    return {
      code: 'OUT_OF_RANGE',
      message: `minVolumeSize: ${formatBytes(size)} requested, at least ${formatBytes(p.minVolumeSize)} allowed`,
      field: 'parameters.minVolumeSize',
    };
  }
  if (p.maxVolumeSize !== undefined && size > p.maxVolumeSize) {
    return {
      code: 'OUT_OF_RANGE',
      message: `maxVolumeSize: ${formatBytes(size)} requested, at most ${formatBytes(p.maxVolumeSize)} allowed`,
      field: 'parameters.maxVolumeSize',
    };
  }
  return undefined;
}

/**
 * A mirrored layout that must survive a storage-group failure cannot live in one storage group:
 * sgResiliency=true with a single storageGroup contradicts itself.
 */
export function checkMirrorGroups(params: StorageClassParameters): CompositionError | undefined {
  if (!params.sgResiliency || params.storageGroup.length !== 1) return undefined;
  return {
    code: 'INVALID_ARGUMENT',
    message:
      `sgResiliency=true needs mirror copies in 2 storage groups, but storageGroup allows only ` +
      `${params.storageGroup[0]}; allow another group or set sgResiliency=false`,
    field: 'parameters.sgResiliency',
  };
}
