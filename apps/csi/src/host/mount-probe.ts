import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseMountInfo } from './mountinfo.js';

/**
 * Whether this process may bind mount: tries it once on two directories under the state dir and
 * undoes it. Synchronous, as it runs once while the host is built, before any call. A probe killed
 * half-way is cleaned up by the next one (it always uses the same directories).
 */
export function bindMountPermitted(stateDir: string): boolean {
  // mountinfo names real paths, so the probe's must be real too.
  const probe = join(realpathSync(stateDir), 'mount-probe');
  const source = join(probe, 'source');
  const target = join(probe, 'target');
  if (!unmountAll(target)) return false;
  mkdirSync(source, { recursive: true });
  mkdirSync(target, { recursive: true });
  let permitted = true;
  try {
    execFileSync('mount', ['--bind', source, target], { stdio: 'ignore', timeout: 10_000 });
  } catch {
    permitted = false;
  }
  // Only a probe that leaves nothing behind counts: a mount we cannot undo is worse than none.
  if (!unmountAll(target)) return false;
  for (const dir of [target, source, probe]) {
    try {
      rmdirSync(dir); // never recursive: if anything is still mounted here, rmdir refuses rather than deleting through it
    } catch {}
  }
  return permitted;
}

function unmountAll(target: string): boolean {
  for (let tries = 0; tries < 4; tries++) {
    const mounted = parseMountInfo(readFileSync('/proc/self/mountinfo', 'utf8')).some(
      (m) => m.mountPoint === target,
    );
    if (!mounted) return true;
    try {
      execFileSync('umount', [target], { stdio: 'ignore', timeout: 10_000 });
    } catch {
      return false;
    }
  }
  return false;
}
