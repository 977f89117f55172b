import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { BindMounts } from './bind-mounts.js';
import { describeEmulatedHost } from './description.js';
import type { Host, HostDescription, PathState, PublishSpec, StageSpec } from './host.js';
import type { HostContext } from './host-context.js';
import { KeyedQueue } from './keyed-queue.js';
import { bindMountPermitted } from './mount-probe.js';
import type { MountTable } from './mount-table.js';
import { publishVolume, unpublishVolume } from './publishing.js';
import { RecordedMounts } from './recorded-mounts.js';
import { stageVolume, unstageVolume } from './staging.js';
import { expandVolume } from './volume-growth.js';
import { inspectVolume } from './volume-stats.js';

export interface EmulatedHostOptions {
  /** Where volumes' devices, filesystems, markers and journals live, and mounts.json in record mode. */
  stateDir: string;
  /** Real bind mounts, a recorded mount table, or (auto) bind if a probe mount works here, else record. */
  mounts: 'bind' | 'record' | 'auto';
  /** A pause before each fabric step (attach, detach), standing for the fabric's latency. Default 0. */
  stepDelayMs?: number | undefined;
  log?: ((message: string, fields: Record<string, unknown>) => void) | undefined;
  /**
   * Called before each step with its name. A test throws from it to stand for the plugin being
   * killed there: nothing of the host runs after the throw, so the state left is a kill's.
   */
  beforeStep?: ((step: string) => void | Promise<void>) | undefined;
}

/**
 * A Host for machines without a storage fabric: what it can do here it does for real (the device
 * file, the filesystem directory, bind mounts when permitted, stats), the rest it records in each
 * volume's steps.log as the command a real host would run. Every call is idempotent and finishes
 * what a killed plugin left half-done (see volume-steps.ts and recorded-mounts.ts).
 */
export class EmulatedHost implements Host {
  private readonly context: HostContext;
  private readonly volumes = new KeyedQueue();

  constructor(options: EmulatedHostOptions) {
    const stateDir = resolve(options.stateDir);
    mkdirSync(stateDir, { recursive: true });
    const log = options.log ?? (() => {});
    const beforeStep = options.beforeStep;
    const checkpoint = async (point: string) => {
      await beforeStep?.(point);
    };
    const mounts = mountTable(options.mounts, stateDir, checkpoint);
    log('emulated host ready', { stateDir, mounts: mounts.real ? 'bind' : 'record', asked: options.mounts });
    this.context = { stateDir, mounts, env: { checkpoint, fabricDelayMs: options.stepDelayMs ?? 0, log } };
  }

  describe(): HostDescription {
    return describeEmulatedHost(this.context.mounts);
  }

  stage(volume: StageSpec): Promise<void> {
    return this.volumes.run(volume.volumeId, () => stageVolume(this.context, volume));
  }

  unstage(volumeId: string, stagingPath: string): Promise<void> {
    return this.volumes.run(volumeId, () => unstageVolume(this.context, volumeId, stagingPath));
  }

  publish(target: PublishSpec): Promise<void> {
    return this.volumes.run(target.volumeId, () => publishVolume(this.context, target));
  }

  unpublish(volumeId: string, targetPath: string): Promise<void> {
    return this.volumes.run(volumeId, () => unpublishVolume(this.context, volumeId, targetPath));
  }

  expand(volumeId: string, volumePath: string, capacityBytes: number): Promise<void> {
    return this.volumes.run(volumeId, () => expandVolume(this.context, volumeId, volumePath, capacityBytes));
  }

  inspect(volumeId: string, volumePath: string): Promise<PathState | undefined> {
    return this.volumes.run(volumeId, () => inspectVolume(this.context, volumeId, volumePath));
  }
}

function mountTable(
  mode: EmulatedHostOptions['mounts'],
  stateDir: string,
  checkpoint: (point: string) => Promise<void>,
): MountTable {
  const bind = mode === 'bind' || (mode === 'auto' && bindMountPermitted(stateDir));
  return bind ? new BindMounts(checkpoint) : new RecordedMounts(stateDir, checkpoint);
}
