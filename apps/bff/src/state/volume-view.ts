import type { Volume } from '@drivebay/api-types';
import type { TypedChange } from './collections.js';
import type { MirroredView } from './mirror.js';

/** Something that follows volume records as they change (e.g. the composer's allocation index). */
export interface VolumeFollower {
  put(volume: Volume): void;
  remove(volumeId: string): void;
}

/**
 * The mirrored volumes, with the index a drive failure needs: which volumes have a member on
 * a drive. Followers (the allocation index) see every change in the same order.
 */
export class VolumeView implements MirroredView {
  readonly volumes = new Map<string, Volume>();
  /** Volumes that are not healthy: what an incident reads, without a walk over every volume. */
  readonly unhealthy = new Map<string, Volume>();
  private readonly byDrive = new Map<string, Set<string>>();

  constructor(private readonly followers: VolumeFollower[] = []) {}

  /** Applies a change of the volumes collection; other collections are ignored. */
  mirror(typed: TypedChange): void {
    if (typed.name !== 'volumes') return;
    const { change } = typed;
    const { id } = change;
    this.unindex(id);
    this.unhealthy.delete(id);
    if (change.type === 'delete') {
      this.volumes.delete(id);
      for (const follower of this.followers) follower.remove(id);
      return;
    }
    const volume = change.value;
    this.volumes.set(id, volume);
    if (volume.health !== 'healthy') this.unhealthy.set(id, volume);
    for (const member of volume.members) {
      const ids = this.byDrive.get(member.driveId) ?? new Set<string>();
      this.byDrive.set(member.driveId, ids);
      ids.add(id);
    }
    for (const follower of this.followers) follower.put(volume);
  }

  heldIds(): Iterable<string> {
    return [];
  }

  /** Volumes with a member on the drive. */
  onDrive(driveId: string): Volume[] {
    return [...(this.byDrive.get(driveId) ?? [])].flatMap((id) => this.volumes.get(id) ?? []);
  }

  private unindex(id: string): void {
    for (const member of this.volumes.get(id)?.members ?? []) this.byDrive.get(member.driveId)?.delete(id);
  }
}
