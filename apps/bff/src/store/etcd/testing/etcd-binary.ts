import { existsSync } from 'node:fs';

// Where Debian's etcd-server (/usr/bin) and release tarballs (/usr/local/bin) put the server;
// scripts/etcd.mjs looks in the same places, and installs the package when it can.
const CANDIDATES = ['/usr/bin/etcd', '/usr/local/bin/etcd'];

/**
 * The etcd server binary the tests start members of. Throws when there is none, naming how to
 * get one: the etcd tests fail rather than skip, so a missing etcd is never mistaken for a pass.
 */
export function etcdBinary(): string {
  const fromEnv = process.env.ETCD_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`ETCD_PATH=${fromEnv} does not exist; point it at an etcd 3.4+ server binary`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  const root = process.getuid?.() === 0;
  throw new Error(
    'no etcd server binary found for the etcd store tests. Install it with ' +
      '`apt-get update && apt-get install -y etcd-server` (Debian, as root' +
      (root ? '' : '; you are not root, so use sudo') +
      '; `npm test` installs it itself when run as root), or set ETCD_PATH to an etcd 3.4+ binary.',
  );
}
