import type { VolumeRequestInput } from '@drivebay/api-types';
import { type Access, readCapabilities } from '../csi/capabilities.js';
import type { CreateVolumeRequest } from '../csi/messages.js';
import { invalid, required } from '../csi/status.js';
import { readCapacityRange } from './capacity-range.js';
import { drivebayParameters } from './csi-volume.js';

/**
 * CreateVolume as Drivebay's compose request. The name is the idempotency key: Drivebay returns
 * the existing volume for the same name and request, and ALREADY_EXISTS for the same name with a
 * different one (size, limit, mode or parameters), as CSI requires.
 */
export function composeRequestOf(request: CreateVolumeRequest, cluster: string): VolumeRequestInput {
  const name = required(request.name, 'name');
  const access = readCapabilities(request.volume_capabilities, 'volume_capabilities');
  if (request.volume_content_source)
    throw invalid(
      'volume_content_source: Drivebay composes volumes from drives; it has no snapshots or clones to start from',
    );
  const accessType = oneAccessType(access);
  const { requiredBytes, limitBytes } = readCapacityRange(request.capacity_range, 'capacity_range');
  const parameters: Record<string, string> = drivebayParameters(request.parameters ?? {});
  // The StorageClass's fsType is Drivebay's to keep; the capability's (the provisioner's
  // csi.storage.k8s.io/fstype or --default-fstype) applies when the class names none.
  const asked = access.find((a) => a.fsType)?.fsType;
  if (accessType === 'mount' && parameters.fsType === undefined && asked) parameters.fsType = asked;
  return {
    name,
    capacityBytes: requiredBytes,
    ...(limitBytes !== undefined && { limitBytes }),
    // Kubernetes applies the PV's reclaim policy itself: it calls DeleteVolume only for Delete.
    reclaimPolicy: 'Delete',
    volumeMode: accessType === 'block' ? 'Block' : 'Filesystem',
    cluster,
    parameters,
  };
}

function oneAccessType(access: Access[]): 'mount' | 'block' {
  const types = new Set(access.map((a) => a.accessType));
  if (types.size > 1)
    throw invalid('volume_capabilities: a volume is either block or mount, not both in one request');
  return access[0]?.accessType ?? 'mount';
}
