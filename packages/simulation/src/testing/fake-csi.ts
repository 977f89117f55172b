import { GIB } from '@drivebay/api-types';
import type { Access, CreatedVolume, CreateVolume, CsiDriver, NodePlugin } from '../cluster/csi-driver.js';

/** The size of one whole drive the fake composes HDD and SSD volumes from: 2.4 TB. */
export const FAKE_DRIVE_BYTES = 2_400_000_000_000;

/** One fake volume: where it is attached, staged and published. */
export interface FakeVolume {
  id: string;
  capacityBytes: number;
  access: Access;
  parameters: Record<string, string>;
  node: string | null;
  stagingPath: string | null;
  targetPaths: string[];
}

/**
 * A CSI driver as a simulated cluster's tests need one: volumes in memory, each call recorded by
 * its RPC. Like Drivebay, whole-drive volumes hold a whole drive (more than asked), slices round up
 * to whole GiB, a volume is attached to one node at a time, and a node id in `unreachable` refuses
 * ControllerPublish.
 */
export class FakeCsi implements CsiDriver {
  readonly volumes = new Map<string, FakeVolume>();
  readonly calls: string[] = [];
  readonly unreachable = new Set<string>();
  /** Directories the kubelets made, by node. */
  readonly directories = new Map<string, Set<string>>();

  async createVolume(request: CreateVolume): Promise<CreatedVolume> {
    this.calls.push(`CreateVolume ${request.name}`);
    const slice = request.parameters.type === 'slice';
    const existing = this.volumes.get(request.name);
    const volume = existing ?? {
      id: request.name,
      capacityBytes: slice ? Math.ceil(request.requiredBytes / GIB) * GIB : FAKE_DRIVE_BYTES,
      access: request.access,
      parameters: request.parameters,
      node: null,
      stagingPath: null,
      targetPaths: [],
    };
    this.volumes.set(volume.id, volume);
    return {
      volumeId: volume.id,
      capacityBytes: volume.capacityBytes,
      volumeContext: { 'drivebay.io/type': String(request.parameters.type ?? 'hdd') },
    };
  }

  async controllerPublish(volumeId: string, nodeId: string): Promise<Record<string, string>> {
    this.calls.push(`ControllerPublishVolume ${volumeId} ${nodeId}`);
    if (this.unreachable.has(nodeId)) throw new Error(`server ${nodeId} is unreachable`);
    const volume = this.get(volumeId);
    if (volume.node && volume.node !== nodeId)
      throw new Error(
        `volume ${volumeId} is published to server ${volume.node}; a volume is attached to one server at a time`,
      );
    volume.node = nodeId;
    return { 'drivebay.io/server': nodeId, 'drivebay.io/transport': 'iscsi' };
  }

  async controllerUnpublish(volumeId: string, nodeId: string): Promise<void> {
    this.calls.push(`ControllerUnpublishVolume ${volumeId} ${nodeId}`);
    const volume = this.volumes.get(volumeId);
    if (volume?.node !== nodeId) return;
    Object.assign(volume, { node: null, stagingPath: null, targetPaths: [] });
  }

  async deleteVolume(volumeId: string): Promise<void> {
    this.calls.push(`DeleteVolume ${volumeId}`);
    const volume = this.volumes.get(volumeId);
    if (volume?.node) throw new Error(`volume ${volumeId} is still published to server ${volume.node}`);
    this.volumes.delete(volumeId);
  }

  async controllerExpand(
    volumeId: string,
    requiredBytes: number,
  ): Promise<{ capacityBytes: number; nodeExpansionRequired: boolean }> {
    this.calls.push(`ControllerExpandVolume ${volumeId} ${requiredBytes}`);
    const volume = this.get(volumeId);
    if (volume.parameters.type !== 'slice' && requiredBytes > volume.capacityBytes)
      throw new Error(`volume ${volumeId} is made of whole drives; only slice volumes grow`);
    volume.capacityBytes = Math.max(volume.capacityBytes, Math.ceil(requiredBytes / GIB) * GIB);
    return { capacityBytes: volume.capacityBytes, nodeExpansionRequired: volume.access === 'mount' };
  }

  async node(nodeName: string, serverId: string): Promise<NodePlugin> {
    const fake = this;
    const made = this.directories.get(nodeName) ?? new Set<string>();
    this.directories.set(nodeName, made);
    return {
      kubeletDir: '/var/lib/kubelet',
      mkdir(path) {
        made.add(path);
      },
      async nodeId() {
        return serverId;
      },
      async stage({ volumeId, stagingPath }) {
        fake.calls.push(`NodeStageVolume ${volumeId} ${nodeName}`);
        const volume = fake.attachedTo(volumeId, serverId);
        volume.stagingPath = stagingPath;
      },
      async unstage(volumeId) {
        fake.calls.push(`NodeUnstageVolume ${volumeId} ${nodeName}`);
        const volume = fake.volumes.get(volumeId);
        if (volume) volume.stagingPath = null;
      },
      async publish({ volumeId, targetPath }) {
        fake.calls.push(`NodePublishVolume ${volumeId} ${nodeName}`);
        const volume = fake.attachedTo(volumeId, serverId);
        if (!volume.targetPaths.includes(targetPath)) volume.targetPaths.push(targetPath);
      },
      async unpublish(volumeId, targetPath) {
        fake.calls.push(`NodeUnpublishVolume ${volumeId} ${nodeName}`);
        const volume = fake.volumes.get(volumeId);
        if (volume) volume.targetPaths = volume.targetPaths.filter((p) => p !== targetPath);
      },
      async expand({ volumeId, volumePath }) {
        fake.calls.push(`NodeExpandVolume ${volumeId} ${nodeName}`);
        const volume = fake.attachedTo(volumeId, serverId);
        if (!volume.targetPaths.includes(volumePath))
          throw new Error(`volume ${volumeId} is not mounted at ${volumePath}`);
        return volume.capacityBytes;
      },
    };
  }

  get(id: string): FakeVolume {
    const volume = this.volumes.get(id);
    if (!volume) throw new Error(`volume ${id} does not exist`);
    return volume;
  }

  private attachedTo(volumeId: string, serverId: string): FakeVolume {
    const volume = this.get(volumeId);
    if (volume.node !== serverId) throw new Error(`volume ${volumeId} is not published to ${serverId}`);
    return volume;
  }
}
