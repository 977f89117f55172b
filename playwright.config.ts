import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's Chromium (Playwright cannot download its own here);
// scripts/test.mjs finds or installs it and passes CHROMIUM_PATH.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: '.cache/e2e-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
