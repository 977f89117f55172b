// Finds an etcd server binary for the etcd store's tests, installing Debian's package when allowed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Debian's etcd-server (3.4.23 on bookworm) installs /usr/bin/etcd; release tarballs go under /usr/local.
const candidates = ['/usr/bin/etcd', '/usr/local/bin/etcd'];

/** Returns a path to an etcd binary, or undefined with the reason printed. */
export function ensureEtcd() {
  const fromEnv = process.env.ETCD_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`drivebay: ETCD_PATH=${fromEnv} does not exist.`);
    return undefined;
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('drivebay: no etcd found; installing Debian package "etcd-server" with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-q', 'etcd-server'], { stdio: 'inherit', env });
    const installed = candidates.find((path) => existsSync(path));
    if (installed) return installed;
  }
  console.error(
    'drivebay: no etcd found for the etcd store tests. Install it (Debian: apt-get install etcd-server, ' +
      'as root) or set ETCD_PATH to an etcd 3.4+ server binary.',
  );
  return undefined;
}
