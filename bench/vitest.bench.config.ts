import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Benchmarks run only through `npx vitest bench --run --config bench/vitest.bench.config.ts`;
// `test.include` matches nothing so that they can never become part of `npm test`.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: [],
    environment: 'node',
    pool: 'forks',
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
