// `npm start`: install what is missing, build, and run the console on the embedded default.
import { build, ensureDependencies, root, run } from './lib.mjs';

ensureDependencies();
build();
const args = ['--enable-source-maps', 'apps/bff/dist/main.cjs', ...process.argv.slice(2)];
process.exit(run(process.execPath, args, { cwd: root }));
