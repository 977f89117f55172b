import { GIB, type Volume, type VolumeRequest } from '@drivebay/api-types';
import type { CsiVolumes } from '../cluster/sim-context.js';

/** The size of one whole drive the fake composes HDD and SSD volumes from: 2.4 TB. */
export const FAKE_DRIVE_BYTES = 2_400_000_000_000;

/**
 * The composer's CSI services as a simulated cluster's tests need them: volumes in memory, each
 * call recorded. Like the composer, whole-drive volumes hold a whole drive (more than asked) and
 * slices round up to whole GiB; a server id in `unreachable` refuses to publish.
 */
export class FakeCsi implements CsiVolumes {
  readonly volumes = new Map<string, Volume>();
  readonly calls: string[] = [];
  readonly unreachable = new Set<string>();

  async compose(request: VolumeRequest) {
    this.calls.push(`compose ${request.name}`);
    const existing = this.volumes.get(request.name);
    if (existing) return { volume: existing, created: false, placement: null };
    const slice = request.parameters.type === 'slice';
    const at = new Date().toISOString();
    const volume: Volume = {
      id: request.name,
      name: request.name,
      cluster: request.cluster,
      logicalNode: `ln-${request.name}`,
      request,
      layout: 'single',
      media: request.parameters.type === 'hdd' ? 'hdd' : 'ssd',
      capacityBytes: slice ? Math.ceil(request.capacityBytes / GIB) * GIB : FAKE_DRIVE_BYTES,
      members: [
        { driveId: 'drive-1', enclosureId: 'enc-1', storageGroup: 'sg-1', set: 0, copy: 0, state: 'active' },
      ],
      transport: null,
      lifecycle: 'Created',
      health: 'healthy',
      server: null,
      stagingPath: null,
      targetPaths: [],
      encryptionKeyId: null,
      createdAt: at,
      updatedAt: at,
    };
    this.volumes.set(volume.id, volume);
    return { volume, created: true, placement: null };
  }

  get(id: string): Volume {
    const volume = this.volumes.get(id);
    if (!volume) throw new Error(`volume ${id} does not exist`);
    return volume;
  }

  async publish(id: string, serverId: string) {
    if (this.unreachable.has(serverId)) throw new Error(`server ${serverId} is unreachable`);
    return this.change(`publish ${id} ${serverId}`, id, { server: serverId });
  }

  async unpublish(id: string, serverId: string) {
    return this.change(`unpublish ${id} ${serverId}`, id, { server: null });
  }

  async stage(id: string, stagingPath: string) {
    return this.change(`stage ${id}`, id, { stagingPath });
  }

  async unstage(id: string) {
    return this.change(`unstage ${id}`, id, { stagingPath: null });
  }

  async nodePublish(id: string, targetPath: string) {
    const paths = this.get(id).targetPaths.filter((p) => p !== targetPath);
    return this.change(`nodePublish ${id}`, id, { targetPaths: [...paths, targetPath] });
  }

  async nodeUnpublish(id: string, targetPath: string) {
    const paths = this.get(id).targetPaths.filter((p) => p !== targetPath);
    return this.change(`nodeUnpublish ${id}`, id, { targetPaths: paths });
  }

  private change(call: string, id: string, fields: Partial<Volume>): Volume {
    this.calls.push(call);
    const volume = { ...this.get(id), ...fields };
    this.volumes.set(id, volume);
    return volume;
  }
}
