/**
 * What the node plugin asks of the server it runs on. NodeStage and NodePublish decide *whether*
 * and *what* (CSI's rules, Drivebay's records); a Host does the steps on the machine. Every
 * method is idempotent: the kubelet retries any call whose answer it did not receive, and a
 * plugin killed half-way through a step is restarted and asked again.
 */
export interface Host {
  /** Which implementation this is, and which of its steps are real here (for logs and the README). */
  describe(): HostDescription;
  /**
   * NodeStageVolume's work: attach the volume's members over its transport, assemble RAID,
   * open dm-crypt, make the filesystem if there is none (mount access), mount it at the staging
   * path (mount access) or expose the block device there (block access). The staging path
   * exists: the CO creates it. Already staged the same way: nothing to do.
   */
  stage(volume: StageSpec): Promise<void>;
  /** Undoes stage: unmount, close crypt, stop RAID, detach. Not staged: nothing to do. */
  unstage(volumeId: string, stagingPath: string): Promise<void>;
  /**
   * NodePublishVolume's work: bind the staged filesystem (mount) or device (block) at the target
   * path, which the plugin creates (a directory for mount, a file for block). Read-only when asked.
   */
  publish(target: PublishSpec): Promise<void>;
  /** Unbind the target path and remove it. Not published: nothing to do. */
  unpublish(volumeId: string, targetPath: string): Promise<void>;
  /** NodeExpandVolume: grow the filesystem (mount) to fill the grown device. */
  expand(volumeId: string, volumePath: string, capacityBytes: number): Promise<void>;
  /** What a volume path holds, or undefined if nothing of that volume is mounted there. */
  inspect(volumeId: string, volumePath: string): Promise<PathState | undefined>;
}

export type Transport = 'iscsi' | 'nvmetcp' | 'roce';
export type AccessType = 'mount' | 'block';

export interface StageSpec {
  volumeId: string;
  stagingPath: string;
  accessType: AccessType;
  /** For mount access: the filesystem to make if the device has none. */
  fsType: 'ext4' | 'xfs';
  mountFlags: readonly string[];
  transport: Transport;
  layout: 'single' | 'raid1' | 'raid10';
  /** The drives (and slices) the volume is made of, as ControllerPublish attached them. */
  members: readonly StageMember[];
  /** Open dm-crypt with the volume's key before the filesystem (the key never reaches a log). */
  encrypted: boolean;
  capacityBytes: number;
}

export interface StageMember {
  driveId: string;
  set: number;
  copy: number;
  slice?: { offsetGiB: number; sizeGiB: number } | undefined;
}

export interface PublishSpec {
  volumeId: string;
  stagingPath: string;
  targetPath: string;
  accessType: AccessType;
  readonly: boolean;
  mountFlags: readonly string[];
}

export interface PathState {
  accessType: AccessType;
  /** Bytes and inodes as NodeGetVolumeStats reports them (block access: total only). */
  bytes: { total: number; used: number; available: number };
  inodes?: { total: number; used: number; available: number } | undefined;
  /** An abnormal condition the host sees (a member path lost, a read-only remount), if any. */
  abnormal?: string | undefined;
}

export interface HostDescription {
  name: string;
  /** Each step, and whether it happens for real on this machine or is only recorded. */
  steps: readonly { step: string; real: boolean; how: string }[];
}
