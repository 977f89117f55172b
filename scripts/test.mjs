// `npm test`: install what is missing (Chromium too), then type-check, lint, unit and
// integration tests (Vitest) and browser end-to-end tests (Playwright). The last line is
// "N passed, N failed", counting every test plus the type-check and lint as one check each.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { ensureEtcd } from './etcd.mjs';
import { build, ensureDependencies, root, runTool } from './lib.mjs';

const reports = join(root, '.cache', 'test-reports');
const results = [];

/** Records a stage: counts of passed and failed checks, and a one-line note. */
function record(stage, passed, failed, note = '') {
  results.push({ stage, passed, failed, note });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function typecheck() {
  console.log('\n== type-check (tsc -b)');
  const status = runTool('tsc', ['-b']);
  record('type-check', status === 0 ? 1 : 0, status === 0 ? 0 : 1);
}

function lint() {
  console.log('\n== lint and format (biome ci)');
  const status = runTool('biome', ['ci', '--colors=off', '.']);
  record('lint', status === 0 ? 1 : 0, status === 0 ? 0 : 1);
}

function vitest() {
  console.log('\n== unit and integration tests (vitest)');
  // The etcd store's tests start throwaway etcd members; without a binary they fail and say why.
  const etcd = ensureEtcd();
  const output = join(reports, 'vitest.json');
  const status = runTool(
    'vitest',
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`],
    {
      timeout: 15 * 60_000,
      env: etcd ? { ...process.env, ETCD_PATH: etcd } : process.env,
    },
  );
  const report = readJson(output);
  if (!report) return record('vitest', 0, 1, `no report (exit ${status})`);
  const failed = report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  record(
    'vitest',
    report.numPassedTests,
    failed,
    report.numPendingTests ? `${report.numPendingTests} skipped` : '',
  );
}

function e2e() {
  console.log('\n== browser end-to-end tests (playwright, chromium)');
  const chromium = ensureChromium();
  if (!chromium) return record('e2e', 0, 1, 'no Chromium: set CHROMIUM_PATH');
  const output = join(reports, 'playwright.json');
  const status = runTool('playwright', ['test', '--reporter=list,json'], {
    timeout: 15 * 60_000,
    env: { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: output },
  });
  const stats = readJson(output)?.stats;
  if (!stats) return record('e2e', 0, 1, `no report (exit ${status})`);
  const failed = stats.unexpected + (status !== 0 && stats.unexpected === 0 ? 1 : 0);
  record('e2e', stats.expected + stats.flaky, failed, stats.flaky ? `${stats.flaky} flaky` : '');
}

await ensureDependencies();
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
await build();
typecheck();
lint();
vitest();
if (existsSync(join(root, 'apps', 'bff', 'dist', 'main.cjs'))) e2e();
else record('e2e', 0, 1, 'server build missing');

console.log('\n== summary');
for (const { stage, passed, failed, note } of results) {
  console.log(
    `  ${stage.padEnd(10)} ${String(passed).padStart(4)} passed ${String(failed).padStart(3)} failed  ${note}`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
