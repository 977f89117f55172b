import { StorageClassParametersSchema, type Volume } from '@drivebay/api-types';
import { capabilityProblem, readCapability } from '../csi/capabilities.js';
import type {
  ControllerExpandVolumeRequest,
  ControllerGetVolumeRequest,
  ControllerPublishVolumeRequest,
  ControllerUnpublishVolumeRequest,
  CreateVolumeRequest,
  DeleteVolumeRequest,
  GetCapacityRequest,
  ListVolumesRequest,
  ValidateVolumeCapabilitiesRequest,
  VolumeCapability,
} from '../csi/messages.js';
import { CsiError, invalid, required } from '../csi/status.js';
import type { DrivebayApi } from '../drivebay/api.js';
import type { CallScope } from '../grpc/unary.js';
import { readCapacityRange } from './capacity-range.js';
import { composeRequestOf } from './create-volume.js';
import { csiVolumeOf, drivebayParameters, statusOf } from './csi-volume.js';
import { readToken, tokenAfter } from './list-token.js';

/** A page of ListVolumes when the CO sets no max_entries: well inside gRPC's 4 MiB message limit. */
const DEFAULT_PAGE = 500;
/** Drivebay answers at most this many volumes per request. */
const DRIVEBAY_PAGE_LIMIT = 1000;

const CONTROLLER_CAPABILITIES = [
  'CREATE_DELETE_VOLUME',
  'PUBLISH_UNPUBLISH_VOLUME',
  'LIST_VOLUMES',
  'GET_CAPACITY',
  'EXPAND_VOLUME',
  'LIST_VOLUMES_PUBLISHED_NODES',
  'VOLUME_CONDITION',
  'GET_VOLUME',
  'SINGLE_NODE_MULTI_WRITER',
] as const;

/**
 * CSI Controller: provisioning and attachment, each a call on Drivebay, which decides and
 * records. What CSI asks of the plugin beyond that (required fields, idempotent answers for
 * what is already so, the codes for each refusal) is kept here.
 */
export class ControllerService {
  constructor(
    private readonly api: DrivebayApi,
    private readonly cluster: string,
  ) {}

  async createVolume(request: CreateVolumeRequest, scope: CallScope) {
    const compose = composeRequestOf(request, this.cluster);
    const { volume } = await this.api.compose(compose, this.context(scope));
    return { volume: csiVolumeOf(volume) };
  }

  async deleteVolume(request: DeleteVolumeRequest, scope: CallScope) {
    const id = required(request.volume_id, 'volume_id');
    try {
      await this.api.deleteVolume(id, this.context(scope));
    } catch (error) {
      // Already gone is what the CO asked for (CSI: DeleteVolume is idempotent).
      if (!(error instanceof CsiError && error.code === 'NOT_FOUND')) throw error;
    }
    return {};
  }

  async controllerPublishVolume(request: ControllerPublishVolumeRequest, scope: CallScope) {
    const id = required(request.volume_id, 'volume_id');
    const nodeId = required(request.node_id, 'node_id');
    const access = readCapability(request.volume_capability, 'volume_capability');
    const volume = await this.api.volume(id, this.context(scope));
    checkAccessMatches(volume, access.accessType, 'volume_capability');
    const published = await this.api.step(id, 'publish', { serverId: nodeId }, this.context(scope));
    return {
      publish_context: {
        'drivebay.io/server': published.server ?? nodeId,
        'drivebay.io/transport': published.transport ?? '',
      },
    };
  }

  async controllerUnpublishVolume(request: ControllerUnpublishVolumeRequest, scope: CallScope) {
    const id = required(request.volume_id, 'volume_id');
    const volume = await this.api.findVolume(id, this.context(scope));
    // Gone, or attached nowhere (or elsewhere): already unpublished from that node.
    const serverId = request.node_id || volume?.server;
    if (!volume || !serverId || volume.server !== serverId) return {};
    await this.api.step(id, 'unpublish', { serverId }, this.context(scope));
    return {};
  }

  async validateVolumeCapabilities(request: ValidateVolumeCapabilitiesRequest, scope: CallScope) {
    const id = required(request.volume_id, 'volume_id');
    if (!request.volume_capabilities?.length) throw invalid('volume_capabilities is required (at least one)');
    const volume = await this.api.volume(id, this.context(scope));
    const problem =
      request.volume_capabilities.map((c) => capabilityMismatch(volume, c)).find(Boolean) ??
      parametersMismatch(volume, request.parameters ?? {});
    if (problem) return { confirmed: null, message: problem };
    return {
      confirmed: {
        volume_context: request.volume_context,
        volume_capabilities: request.volume_capabilities,
        parameters: request.parameters,
        mutable_parameters: request.mutable_parameters,
      },
      message: '',
    };
  }

  async listVolumes(request: ListVolumesRequest, scope: CallScope) {
    if (request.max_entries < 0) throw invalid('max_entries must not be negative');
    const after = readToken(request.starting_token);
    const want = request.max_entries > 0 ? request.max_entries : DEFAULT_PAGE;
    const limit = Math.min(want, DRIVEBAY_PAGE_LIMIT);
    const page = await this.api.listVolumes(
      { cluster: this.cluster, after, limit: limit + 1 },
      this.context(scope),
    );
    const volumes = page.volumes.slice(0, limit);
    const more = page.volumes.length > limit;
    const last = volumes.at(-1);
    return {
      entries: volumes.map((volume) => ({ volume: csiVolumeOf(volume), status: statusOf(volume) })),
      next_token: more && last ? tokenAfter(last.name) : '',
    };
  }

  async getCapacity(request: GetCapacityRequest, scope: CallScope) {
    // Capacity for capabilities Drivebay cannot honour is none at all (CSI: report for ALL of them).
    if ((request.volume_capabilities ?? []).some((c) => capabilityProblem(c)))
      return { available_capacity: '0', maximum_volume_size: { value: '0' }, minimum_volume_size: null };
    const capacity = await this.api.capacity(
      drivebayParameters(request.parameters ?? {}),
      this.context(scope),
    );
    return {
      available_capacity: capacity.availableBytes,
      maximum_volume_size: { value: String(capacity.maximumVolumeBytes) },
      minimum_volume_size: { value: String(capacity.minimumVolumeBytes) },
    };
  }

  async controllerExpandVolume(request: ControllerExpandVolumeRequest, scope: CallScope) {
    const id = required(request.volume_id, 'volume_id');
    const range = readCapacityRange(required(request.capacity_range, 'capacity_range'), 'capacity_range');
    if (request.volume_capability) readCapability(request.volume_capability, 'volume_capability');
    let volume = await this.api.volume(id, this.context(scope));
    if (volume.capacityBytes < range.requiredBytes) {
      if (volume.request.parameters.type !== 'slice')
        throw new CsiError(
          'OUT_OF_RANGE',
          `volume ${id} is made of whole ${volume.media.toUpperCase()}s (${volume.capacityBytes} bytes); only slice volumes grow, so ${range.requiredBytes} bytes cannot be reached`,
        );
      volume = await this.api.step(id, 'expand', { capacityBytes: range.requiredBytes }, this.context(scope));
    }
    if (range.limitBytes !== undefined && volume.capacityBytes > range.limitBytes)
      throw new CsiError(
        'OUT_OF_RANGE',
        `volume ${id} holds ${volume.capacityBytes} bytes, more than limit_bytes ${range.limitBytes}`,
      );
    return {
      capacity_bytes: String(volume.capacityBytes),
      // Said on every answer, not only the first: a CO whose first answer was lost must still grow the filesystem.
      node_expansion_required: volume.request.volumeMode === 'Filesystem',
    };
  }

  async controllerGetVolume(request: ControllerGetVolumeRequest, scope: CallScope) {
    const volume = await this.api.volume(required(request.volume_id, 'volume_id'), this.context(scope));
    return { volume: csiVolumeOf(volume), status: statusOf(volume) };
  }

  async controllerGetCapabilities() {
    return { capabilities: CONTROLLER_CAPABILITIES.map((type) => ({ rpc: { type } })) };
  }

  private context(scope: CallScope) {
    return { rpc: scope.rpc, signal: scope.signal };
  }
}

/** A capability asking for the other access type than the volume was made for. */
function checkAccessMatches(volume: Volume, accessType: 'mount' | 'block', field: string): void {
  const wanted = accessType === 'block' ? 'Block' : 'Filesystem';
  if (volume.request.volumeMode !== wanted)
    throw invalid(
      `${field}: volume ${volume.id} was created for ${volume.request.volumeMode === 'Block' ? 'block' : 'mount'} access, not ${accessType}`,
    );
}

function capabilityMismatch(volume: Volume, capability: VolumeCapability): string | undefined {
  const problem = capabilityProblem(capability);
  if (problem) return problem;
  const access = readCapability(capability, 'volume_capabilities');
  try {
    checkAccessMatches(volume, access.accessType, 'volume_capabilities');
  } catch (error) {
    return (error as Error).message;
  }
  if (access.fsType && access.fsType !== volume.request.parameters.fsType)
    return `volume ${volume.id} is formatted ${volume.request.parameters.fsType}, not ${access.fsType}`;
  return undefined;
}

/** Parameters that would have made a different volume than this one. */
function parametersMismatch(volume: Volume, parameters: Record<string, string>): string | undefined {
  const own = drivebayParameters(parameters);
  if (Object.keys(own).length === 0) return undefined;
  const parsed = StorageClassParametersSchema.safeParse(own);
  if (!parsed.success)
    return `parameters are not Drivebay's: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
  const differing = Object.keys(own).filter(
    (key) =>
      JSON.stringify(parsed.data[key as keyof typeof parsed.data]) !==
      JSON.stringify(volume.request.parameters[key as keyof typeof parsed.data]),
  );
  return differing.length > 0
    ? `volume ${volume.id} was composed with different ${differing.join(', ')}`
    : undefined;
}
