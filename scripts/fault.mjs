// `npm run fault -- <kind> <id> [--url URL]`: inject a fault into the running simulated site.
// Faults need the admin role: an API token with the admin scope from DRIVEBAY_TOKEN, or else the
// first-start admin's password from <data dir>/initial-admin-password (DATA_DIR, default ./data).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const kinds = {
  'drive-fail': 'driveId',
  'drive-degrade': 'driveId',
  'drive-replace': 'driveId',
  'enclosure-offline': 'enclosureId',
  'enclosure-online': 'enclosureId',
  'server-down': 'serverId',
  'server-up': 'serverId',
};

const args = process.argv.slice(2);
const urlFlag = args.indexOf('--url');
const base =
  urlFlag >= 0 ? args.splice(urlFlag, 2)[1] : (process.env.DRIVEBAY_URL ?? 'http://127.0.0.1:8080');
const [kind, id] = args;
if (!kind || !(kind in kinds) || !id) {
  console.error(
    `Usage: npm run fault -- <kind> <id> [--url ${base}]\n  kinds: ${Object.keys(kinds).join(', ')}\n` +
      '  example: npm run fault -- enclosure-offline enc-a01-1',
  );
  process.exit(2);
}
const unreachable = (error) => {
  console.error(
    `drivebay: cannot reach ${base}: ${error.cause?.message ?? error.message}. Is "npm start" running?`,
  );
  process.exit(1);
};

/** Authorization for the request: a bearer token, or a session of the first-start admin. */
async function credentials() {
  if (process.env.DRIVEBAY_TOKEN) return { authorization: `Bearer ${process.env.DRIVEBAY_TOKEN}` };
  const file = join(process.env.DATA_DIR ?? 'data', 'initial-admin-password');
  let password;
  try {
    password = readFileSync(file, 'utf8').trim();
  } catch {
    console.error(
      `drivebay: set DRIVEBAY_TOKEN to an API token with the admin scope (no ${file} to sign in with)`,
    );
    process.exit(2);
  }
  const login = await fetch(new URL('/api/v1/auth/login', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'drivebay' },
    body: JSON.stringify({ username: 'admin', password }),
  }).catch(unreachable);
  if (!login.ok) {
    console.error(
      `drivebay: signing in as admin with ${file} failed (${login.status}); set DRIVEBAY_TOKEN instead`,
    );
    process.exit(1);
  }
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, 'x-requested-with': 'drivebay' };
}

const response = await fetch(new URL('/api/v1/admin/simulator/faults', base), {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(await credentials()) },
  body: JSON.stringify({ kind, [kinds[kind]]: id }),
}).catch(unreachable);
const body = await response.json().catch(() => ({}));
if (!response.ok) {
  console.error(
    `drivebay: ${response.status} ${body.error?.code ?? ''}: ${body.error?.message ?? 'request failed'}`,
  );
  process.exit(1);
}
console.log(
  `${kind} ${id}: committed at revision ${body.revision}${body.newDriveId ? `; new drive ${body.newDriveId}` : ''}`,
);
