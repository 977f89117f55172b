import type { MountTable } from './mount-table.js';
import { volumeFiles } from './volume-record.js';
import { type StepEnv, VolumeSteps } from './volume-steps.js';

/** What the emulated host's operations share. */
export interface HostContext {
  stateDir: string;
  mounts: MountTable;
  env: StepEnv;
}

/** A volume's steps, with whatever a killed plugin left half-done in them finished first. */
export async function openVolume(host: HostContext, volumeId: string): Promise<VolumeSteps> {
  const steps = new VolumeSteps(volumeId, volumeFiles(host.stateDir, volumeId), host.env);
  await steps.recover();
  return steps;
}
