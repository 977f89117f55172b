// Browser benchmark of the topology page at DriveScale's maximum (100,000 drives, 10,000 servers):
// time from navigation to a drawn map, frame times during a scripted pan and zoom, and how the page
// copes with a storm of drive-state changes. Not a test: it prints figures for bench/RESULTS.md.
//
//   node bench/browser-topology.mjs [--storm-rate 1000] [--storm-seconds 10]
//
// Needs a build (npm run build, or npm start once) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
// Everything runs on loopback; the storm is bounded in count and time.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    'storm-rate': { type: 'string', default: '1000' },
    'storm-seconds': { type: 'string', default: '10' },
  },
});
const stormRate = Number(values['storm-rate']);
const stormSeconds = Number(values['storm-seconds']);
const CSRF = { 'x-requested-with': 'drivebay' };

const dataDir = mkdtempSync(join(tmpdir(), 'drivebay-bench-'));
const server = spawn(
  process.execPath,
  ['apps/bff/dist/main.cjs', '--port', '0', '--data-dir', dataDir, '--scale', 'large', '--log-level', 'warn'],
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

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
const [name, value] = cookie.split('=');
await context.addCookies([{ name, value, url }]);
const page = await context.newPage();

const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const frameSummary = (xs) =>
  `p50 ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms over ${xs.length} frames`;

// 1. Navigation to a drawn map.
const started = Date.now();
await page.goto(`${url}/topology`);
await page.locator('canvas[data-drive-count="100000"]').waitFor({ timeout: 60_000 });
await page.evaluate(
  () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
);
const drawnMs = Date.now() - started;

// Frame intervals, recorded in the page by requestAnimationFrame.
const startFrames = () =>
  page.evaluate(() => {
    const w = window;
    w.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    w.__recording = true;
    requestAnimationFrame(tick);
  });
const stopFrames = () =>
  page.evaluate(() => {
    window.__recording = false;
    return window.__frames.slice(1);
  });

// 2. Scripted zoom and pan.
const box = await page.locator('canvas[data-drive-count]').boundingBox();
const cx = box.x + box.width / 2;
const cy = box.y + box.height / 2;
await startFrames();
for (let i = 0; i < 12; i++) {
  await page.mouse.move(cx + i * 10, cy);
  await page.mouse.wheel(0, -240);
  await page.waitForTimeout(60);
}
await page.mouse.move(cx, cy);
await page.mouse.down();
for (let i = 0; i < 60; i++) await page.mouse.move(cx - i * 12, cy - i * 6, { steps: 2 });
await page.mouse.up();
for (let i = 0; i < 12; i++) {
  await page.mouse.wheel(0, 240);
  await page.waitForTimeout(60);
}
const panZoomFrames = await stopFrames();

// 3. A storm of drive-state changes, made by the simulator through the same ingest path as real
// hardware (the drive-storm fault), while the page draws.
const total = stormRate * stormSeconds;
await startFrames();
const stormStart = Date.now();
const asked = await fetch(`${url}/api/v1/admin/simulator/faults`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie, ...CSRF },
  body: JSON.stringify({ kind: 'drive-storm', changes: total, perSecond: stormRate }),
});
if (asked.status !== 202) throw new Error(`storm refused: ${asked.status} ${await asked.text()}`);
await page.waitForFunction(
  (n) =>
    Number(document.querySelector('canvas[data-degraded-count]')?.getAttribute('data-degraded-count')) >= n,
  total,
  { timeout: (stormSeconds + 60) * 1000, polling: 50 },
);
const shownAll = Date.now() - stormStart;
const stormFrames = await stopFrames();
const revision = await page.locator('canvas[data-revision]').getAttribute('data-revision');

console.log(`topology at 100,000 drives, 10,000 servers (Chromium headless, software rendering, 1600x1000)`);
console.log(`  navigation to drawn map: ${drawnMs} ms`);
console.log(`  pan and zoom (24 wheel steps, 60-step drag): ${frameSummary(panZoomFrames)}`);
console.log(
  `  storm: ${total} drive-state changes asked at ${stormRate}/s; all on the map ${shownAll} ms after it began (${Math.round((total / shownAll) * 1000)}/s end to end), revision ${revision}`,
);
console.log(`  frames during the storm: ${frameSummary(stormFrames)}`);

await browser.close();
server.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });
