// Finds a Chromium for the browser tests, installing Debian's package when allowed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Returns a path to a Chromium binary, or undefined with the reason printed. */
export function ensureChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`drivebay: CHROMIUM_PATH=${fromEnv} does not exist.`);
    return undefined;
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('drivebay: no Chromium found; installing Debian package "chromium" with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: 'inherit', env });
    const installed = candidates.find((path) => existsSync(path));
    if (installed) return installed;
  }
  console.error(
    'drivebay: no Chromium found for the browser tests. Install Chromium (Debian: apt-get install chromium) ' +
      'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
  return undefined;
}
