import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DrivebayApi } from './support/api.js';
import { seriousAxeFindings } from './support/axe.js';
import { CONSOLE_PAGES, seedEveryPage } from './support/console-pages.js';
import { serverForThisFile } from './support/server.js';
import { signInBrowser } from './support/session.js';

const server = serverForThisFile({ workloads: true });
let api: DrivebayApi;

test.beforeAll(async () => {
  api = await DrivebayApi.signIn(server.url, server.admin);
  await seedEveryPage(api);
});

for (const { path, heading, loaded } of CONSOLE_PAGES) {
  test(`${path} loads and has no serious accessibility violations`, async ({ page }) => {
    await signInBrowser(page, server.url, server.admin);
    await page.goto(new URL(path, server.url).toString());
    await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
    if (loaded) await expect(page.getByText(loaded).first()).toBeVisible();
    await expect(page.getByRole('alert', { name: 'Incident' })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
}

test('the sign-in page has no serious accessibility violations', async ({ page }) => {
  await page.goto(new URL('/login', server.url).toString());
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // The server says where its data directory keeps the first admin's password, not a guess.
  await expect(page.getByRole('complementary', { name: 'First start' })).toContainText(
    join(server.dataDir, 'initial-admin-password'),
  );
  expect(await seriousAxeFindings(page)).toEqual([]);
});

test('the light theme is as readable as the dark one', async ({ page }) => {
  await signInBrowser(page, server.url, server.admin);
  await page.goto(new URL('/volumes', server.url).toString());
  // The button says what it does, and says the opposite once it has done it.
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
  await expect(page.getByRole('button', { name: /light theme/i })).toHaveCount(0);
  await page.reload();
  // Remembered across a reload.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
  await expect(page.getByText('e2e-pages-mirror').first()).toBeVisible();
  expect(await seriousAxeFindings(page)).toEqual([]);
});
