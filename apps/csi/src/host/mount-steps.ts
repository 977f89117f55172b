import type { HostContext } from './host-context.js';
import { lastEntryWhere } from './step-journal.js';
import type { VolumeSteps } from './volume-steps.js';

type MountVerb = 'mount' | 'mount-ro' | 'umount';

/**
 * Mounts `source` at `point` unless it already is, then journals it unless the journal already
 * says so. Unlike recorded steps, a mount is journaled after it is done: the mount table (the
 * kernel's, or mounts.json) is the truth, and the journal catches up with it, so a kill between
 * the two leaves no line for a mount that never happened, and a retry no second line.
 */
export async function mountAt(
  host: HostContext,
  steps: VolumeSteps,
  mount: { source: string; point: string; readonly: boolean; real: string },
): Promise<void> {
  const { source, point, readonly } = mount;
  await host.mounts.bind(source, point, readonly);
  const here = `mount --bind ${source} ${point}${readonly ? ` && mount -o remount,bind,ro ${point}` : ''}`;
  await journalMount(
    host,
    steps,
    readonly ? 'mount-ro' : 'mount',
    point,
    `${mount.real}  # here: ${hereOf(host, here)}`,
  );
}

/** Unmounts whatever this host mounted at `point`, then journals it if the journal had it mounted. */
export async function unmountAt(host: HostContext, steps: VolumeSteps, point: string): Promise<void> {
  await host.mounts.unbind(point);
  await journalMount(
    host,
    steps,
    'umount',
    point,
    `umount ${point}  # here: ${hereOf(host, `umount ${point}`)}`,
  );
}

async function journalMount(
  host: HostContext,
  steps: VolumeSteps,
  verb: MountVerb,
  point: string,
  command: string,
): Promise<void> {
  const token = pathToken(point);
  const last = await lastEntryWhere(steps.files.journal, (e) => mountVerbAt(e.step, token) !== undefined);
  const journaled = last && mountVerbAt(last.step, token);
  // Never journaled mounted: nothing to unmount in the journal's story either.
  if (journaled === verb || (verb === 'umount' && journaled === undefined)) return;
  await steps.journal(host.mounts.real ? 'real' : 'recorded', `${verb}:${token}`, command);
}

/** What this host does instead of the real host's command. */
function hereOf(host: HostContext, bindCommand: string): string {
  return host.mounts.real ? bindCommand : 'recorded in mounts.json, the path made a symlink';
}

/** The mount verb of a step id about this path (`<verb>:<path>`), if it is one. */
function mountVerbAt(step: string, token: string): MountVerb | undefined {
  const colon = step.indexOf(':');
  if (colon < 0 || step.slice(colon + 1) !== token) return undefined;
  const verb = step.slice(0, colon);
  return verb === 'mount' || verb === 'mount-ro' || verb === 'umount' ? verb : undefined;
}

/** A path as a step-id part: step ids hold no spaces. */
function pathToken(path: string): string {
  return path.replace(/[%\s]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
