import type { Volume } from '@drivebay/api-types';
import { readCapability } from '../csi/capabilities.js';
import type {
  NodeExpandVolumeRequest,
  NodeGetVolumeStatsRequest,
  NodePublishVolumeRequest,
  NodeStageVolumeRequest,
  NodeUnpublishVolumeRequest,
  NodeUnstageVolumeRequest,
} from '../csi/messages.js';
import { CsiError, invalid, required } from '../csi/status.js';
import type { DrivebayApi } from '../drivebay/api.js';
import type { CallScope } from '../grpc/unary.js';
import type { Host } from '../host/host.js';
import type { PluginLog } from '../log.js';
import type { NodeIdentity } from './node-identity.js';

const NODE_CAPABILITIES = [
  'STAGE_UNSTAGE_VOLUME',
  'GET_VOLUME_STATS',
  'EXPAND_VOLUME',
  'VOLUME_CONDITION',
  'SINGLE_NODE_MULTI_WRITER',
] as const;

/**
 * CSI Node: the volume reaches the pod on the server it was ControllerPublished to. Drivebay's
 * record says what the volume is and where it is attached; the Host does the steps on the
 * machine; Drivebay records each step once the host has done it, so a retry after a crash finds
 * the host's work done (its steps are idempotent) and completes the record.
 */
export class NodeService {
  constructor(
    private readonly api: DrivebayApi,
    private readonly host: Host,
    private readonly identity: NodeIdentity,
    private readonly maxVolumes: number,
    private readonly log: PluginLog,
  ) {}

  async nodeGetInfo(_request: unknown, scope: CallScope) {
    return {
      node_id: await this.identity.serverId(scope.signal),
      max_volumes_per_node: String(this.maxVolumes),
      accessible_topology: null,
    };
  }

  async nodeGetCapabilities() {
    return { capabilities: NODE_CAPABILITIES.map((type) => ({ rpc: { type } })) };
  }

  async nodeStageVolume(request: NodeStageVolumeRequest, scope: CallScope) {
    const id = required(request.volume_id, 'volume_id');
    const stagingPath = required(request.staging_target_path, 'staging_target_path');
    const access = readCapability(request.volume_capability, 'volume_capability');
    const volume = await this.attachedHere(id, scope);
    checkAccess(volume, access.accessType);
    if (volume.stagingPath && volume.stagingPath !== stagingPath)
      throw new CsiError(
        'FAILED_PRECONDITION',
        `volume ${id} is staged at ${volume.stagingPath} on this node; NodeUnstage it there before staging at ${stagingPath}`,
      );
    if (!volume.transport)
      throw new CsiError('FAILED_PRECONDITION', `volume ${id} has no transport: it is not attached`);
    await this.onHost(id, scope, () =>
      this.host.stage({
        volumeId: id,
        stagingPath,
        accessType: access.accessType,
        fsType: volume.request.parameters.fsType,
        mountFlags: access.mountFlags,
        transport: volume.transport as 'iscsi' | 'nvmetcp' | 'roce',
        layout: volume.layout,
        members: volume.members.map((m) => ({
          driveId: m.driveId,
          set: m.set,
          copy: m.copy,
          slice: m.slice,
        })),
        encrypted: volume.request.parameters.encrypt,
        capacityBytes: volume.capacityBytes,
      }),
    );
    await this.api.step(id, 'stage', { stagingPath }, this.context(scope));
    return {};
  }

  async nodeUnstageVolume(request: NodeUnstageVolumeRequest, scope: CallScope) {
    const id = required(request.volume_id, 'volume_id');
    const stagingPath = required(request.staging_target_path, 'staging_target_path');
    // Pods still have it: refused before the host unmounts anything under them.
    const volume = await this.api.volume(id, this.context(scope));
    if (volume.stagingPath === stagingPath && volume.targetPaths.length > 0)
      throw new CsiError(
        'FAILED_PRECONDITION',
        `volume ${id} is still published at ${volume.targetPaths.join(', ')}; NodeUnpublish those first`,
      );
    await this.onHost(id, scope, () => this.host.unstage(id, stagingPath));
    await this.api.step(id, 'unstage', { stagingPath }, this.context(scope));
    return {};
  }

  async nodePublishVolume(request: NodePublishVolumeRequest, scope: CallScope) {
    const id = required(request.volume_id, 'volume_id');
    const targetPath = required(request.target_path, 'target_path');
    // This plugin stages (STAGE_UNSTAGE_VOLUME), so the CO must say where.
    const stagingPath = required(request.staging_target_path, 'staging_target_path');
    const access = readCapability(request.volume_capability, 'volume_capability');
    if (targetPath === stagingPath) throw invalid('target_path must differ from staging_target_path');
    const volume = await this.attachedHere(id, scope);
    checkAccess(volume, access.accessType);
    if (volume.stagingPath !== stagingPath)
      throw new CsiError(
        'FAILED_PRECONDITION',
        volume.stagingPath
          ? `volume ${id} is staged at ${volume.stagingPath}, not ${stagingPath}`
          : `volume ${id} is not staged on this node; NodeStage it before NodePublish`,
      );
    await this.onHost(id, scope, () =>
      this.host.publish({
        volumeId: id,
        stagingPath,
        targetPath,
        accessType: access.accessType,
        readonly: request.readonly || access.mode === 'SINGLE_NODE_READER_ONLY',
        mountFlags: access.mountFlags,
      }),
    );
    await this.api.step(id, 'node-publish', { targetPath }, this.context(scope));
    return {};
  }

  async nodeUnpublishVolume(request: NodeUnpublishVolumeRequest, scope: CallScope) {
    const id = required(request.volume_id, 'volume_id');
    const targetPath = required(request.target_path, 'target_path');
    await this.onHost(id, scope, () => this.host.unpublish(id, targetPath));
    await this.api.step(id, 'node-unpublish', { targetPath }, this.context(scope));
    return {};
  }

  async nodeGetVolumeStats(request: NodeGetVolumeStatsRequest, scope: CallScope) {
    const id = required(request.volume_id, 'volume_id');
    const path = required(request.volume_path, 'volume_path');
    const volume = await this.api.volume(id, this.context(scope));
    const state = await this.host.inspect(id, path);
    if (!state) throw new CsiError('NOT_FOUND', `volume ${id} is not mounted at ${path} on this node`);
    const usage = [{ unit: 'BYTES', ...int64s(state.bytes) }];
    if (state.inodes) usage.push({ unit: 'INODES', ...int64s(state.inodes) });
    const abnormal =
      state.abnormal ??
      (volume.health === 'failed' || volume.health === 'degraded' ? `volume is ${volume.health}` : undefined);
    return {
      usage,
      volume_condition: {
        abnormal: abnormal !== undefined,
        message: abnormal ?? `healthy on ${volume.server}`,
      },
    };
  }

  async nodeExpandVolume(request: NodeExpandVolumeRequest, scope: CallScope) {
    const id = required(request.volume_id, 'volume_id');
    const path = required(request.volume_path, 'volume_path');
    const volume = await this.api.volume(id, this.context(scope));
    const wanted = Number(request.capacity_range?.required_bytes ?? '0');
    if (wanted > volume.capacityBytes)
      throw new CsiError(
        'OUT_OF_RANGE',
        `volume ${id} holds ${volume.capacityBytes} bytes; ControllerExpandVolume it to ${wanted} before growing the filesystem`,
      );
    if (!(await this.host.inspect(id, path)))
      throw new CsiError('NOT_FOUND', `volume ${id} is not mounted at ${path} on this node`);
    if (volume.request.volumeMode === 'Filesystem')
      await this.onHost(id, scope, () => this.host.expand(id, path, volume.capacityBytes));
    return { capacity_bytes: String(volume.capacityBytes) };
  }

  /** The volume, which must be ControllerPublished to this node's server. */
  private async attachedHere(id: string, scope: CallScope): Promise<Volume> {
    const volume = await this.api.volume(id, this.context(scope));
    const serverId = await this.identity.serverId(scope.signal);
    if (volume.server !== serverId)
      throw new CsiError(
        'FAILED_PRECONDITION',
        volume.server
          ? `volume ${id} is published to server ${volume.server}, not this node (${serverId})`
          : `volume ${id} is not published to any server; ControllerPublish it to ${serverId} first`,
      );
    return volume;
  }

  /** A host step; its failure is told to Drivebay (shown on the volume) and answered INTERNAL. */
  private async onHost(id: string, scope: CallScope, step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      const message = `${scope.rpc} on the host failed: ${error instanceof Error ? error.message : String(error)}`;
      await this.api
        .reportError(id, { rpc: scope.rpc, code: 'INTERNAL', message }, this.context(scope))
        .catch((reportError: unknown) =>
          this.log.warn('could not report a host failure to Drivebay', {
            volume: id,
            error: String(reportError),
          }),
        );
      throw new CsiError('INTERNAL', message);
    }
  }

  private context(scope: CallScope) {
    return { rpc: scope.rpc, signal: scope.signal };
  }
}

function checkAccess(volume: Volume, accessType: 'mount' | 'block'): void {
  const made = volume.request.volumeMode === 'Block' ? 'block' : 'mount';
  if (made !== accessType)
    throw invalid(`volume_capability: volume ${volume.id} was created for ${made} access, not ${accessType}`);
}

function int64s(numbers: { total: number; used: number; available: number }) {
  return { total: String(numbers.total), used: String(numbers.used), available: String(numbers.available) };
}
