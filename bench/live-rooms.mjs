// What a browser receives during a storm of drive-state changes, by the rooms it follows: the
// topology room (a page that shows drives), the rooms of the Volumes page (volumes, incident), the
// events room,
// and only the `incident` room (the banner every page shows, e.g. on the Users page). Before rooms,
// every browser received every delta: the first row of bench/RESULTS.md's table, measured with the
// old `topology:subscribe`. Not a test: it prints figures for bench/RESULTS.md.
//
//   node bench/live-rooms.mjs [--changes 10000] [--rate 1000] [--scale large]
//
// Needs a build (npm run build, or npm start once). Everything runs on loopback; the storm is bounded.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';

const { values } = parseArgs({
  options: {
    changes: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '1000' },
    scale: { type: 'string', default: 'large' },
  },
});
const changes = Number(values.changes);
const rate = Number(values.rate);
const CSRF = { 'x-requested-with': 'drivebay' };

const dataDir = mkdtempSync(join(tmpdir(), 'drivebay-bench-rooms-'));
const server = spawn(
  process.execPath,
  [
    'apps/bff/dist/main.cjs',
    ...['--port', '0', '--data-dir', dataDir, '--scale', values.scale, '--log-level', 'warn'],
    ...['--simulated-workloads', 'off'],
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /Drivebay console: (http:\/\/\S+)/.exec(out);
    if (match) resolve(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
});
const password = readFileSync(join(dataDir, 'initial-admin-password'), 'utf8').trim();
const login = await fetch(`${url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...CSRF },
  body: JSON.stringify({ username: 'admin', password }),
});
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const revision = async () => (await (await fetch(`${url}/readyz`)).json()).revision;

/** A socket that counts the delta frames it receives and their bytes as JSON text (what the wire carries). */
async function follower(label, join) {
  const socket = io(`${url}/live`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
  const stats = { label, frames: 0, bytes: 0, deltas: 0 };
  const count = (batch) => {
    stats.frames += 1;
    stats.bytes += JSON.stringify(batch).length;
    stats.deltas += batch.deltas.length;
  };
  socket.on('live:deltas', count);
  await new Promise((resolve) => socket.once('connect', resolve));
  await join(socket, await revision());
  return { socket, stats };
}

const followers = [
  await follower('topology room (a page showing drives)', (s, since) =>
    s.emitWithAck('live:join', { room: 'topology', sinceRevision: since }),
  ),
  await follower('volumes and incident rooms (the Volumes page)', async (s, since) => {
    for (const room of ['volumes', 'incident'])
      await s.emitWithAck('live:join', { room, sinceRevision: since });
  }),
  await follower('events room (the Events page: each drive change is an event)', (s, since) =>
    s.emitWithAck('live:join', { room: 'events', sinceRevision: since }),
  ),
  await follower('incident room only (the banner, e.g. on the Users page)', (s, since) =>
    s.emitWithAck('live:join', { room: 'incident', sinceRevision: since }),
  ),
];

const started = Date.now();
const answer = await fetch(`${url}/api/v1/admin/simulator/faults`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie, ...CSRF },
  body: JSON.stringify({ kind: 'drive-storm', changes, perSecond: rate }),
});
if (answer.status !== 202) throw new Error(`storm refused: ${answer.status} ${await answer.text()}`);
// The storm ends when the topology follower has seen every change (or after twice the asked time).
const deadline = started + (changes / rate) * 2_000 + 10_000;
while (followers[0].stats.deltas < changes && Date.now() < deadline)
  await new Promise((r) => setTimeout(r, 100));
await new Promise((r) => setTimeout(r, 500));
const seconds = (Date.now() - started) / 1000;

console.log(
  `\n${changes} drive-state changes asked at ${rate}/s; ${seconds.toFixed(1)} s until all were seen\n`,
);
console.log('| follows | frames | deltas | bytes (JSON) | frames/s | bytes/s |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const { stats } of followers) {
  console.log(
    `| ${stats.label} | ${stats.frames} | ${stats.deltas} | ${stats.bytes.toLocaleString('en')} | ${(stats.frames / seconds).toFixed(1)} | ${Math.round(stats.bytes / seconds).toLocaleString('en')} |`,
  );
}

for (const { socket } of followers) socket.disconnect();
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
rmSync(dataDir, { recursive: true, force: true });
