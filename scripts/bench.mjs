// `npm run bench [-- bench/placement.bench.ts]`: the benchmarks in bench/, never part of `npm test`.
// Record what they print in bench/RESULTS.md with the command that produced it.
import { ensureDependencies, runTool } from './lib.mjs';

await ensureDependencies();
const files = process.argv.slice(2);
process.exit(runTool('vitest', ['bench', '--run', '--config', 'bench/vitest.bench.config.ts', ...files]));
