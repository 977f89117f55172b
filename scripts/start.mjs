// `npm start`: install what is missing, build, and run the console on the embedded default.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureDependencies, root, run } from './lib.mjs';

const argv = process.argv.slice(2);
// Help answers at once, before any install or build: the text is kept beside this script
// (apps/bff/src/config.test.ts checks it is the server's own --help).
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(readFileSync(join(root, 'scripts', 'usage.txt'), 'utf8'));
  process.exit(0);
}
await ensureDependencies();
await build();
console.log(
  'drivebay: starting the console (a first start generates the simulated site: seconds for small, about 10 s for large)…',
);
const args = ['--enable-source-maps', 'apps/bff/dist/main.cjs', ...argv];
process.exit(run(process.execPath, args, { cwd: root }));
