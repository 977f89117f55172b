import { join } from 'node:path';
import { GIB } from '@drivebay/api-types';
import { expect, test } from '@playwright/test';
import { DrivebayApi } from './support/api.js';
import { seriousAxeFindings } from './support/axe.js';
import { serverForThisFile } from './support/server.js';
import { signInBrowser } from './support/session.js';

const server = serverForThisFile({ workloads: true });
let api: DrivebayApi;

test.beforeAll(async () => {
  api = await DrivebayApi.signIn(server.url, server.admin);
  // Something on every page: a mirrored volume, a slice, and a failed drive (so the incident banner shows).
  const { volume } = await api.compose({
    name: 'e2e-pages-mirror',
    capacityBytes: 2_000_000_000_000,
    parameters: { type: 'hdd', redundancy: true },
  });
  await api.compose({ name: 'e2e-pages-slice', capacityBytes: 20 * GIB, parameters: { type: 'slice' } });
  await api.inject({ kind: 'drive-fail', driveId: volume.members[0]?.driveId ?? '' });
});

/** Each page: its heading, and a text that shows it loaded its data (not just its loading state). */
const pages = [
  { path: '/', heading: 'Overview', loaded: 'Capacity by tier' },
  { path: '/topology', heading: 'Topology', loaded: null },
  { path: '/volumes', heading: 'Volumes', loaded: 'e2e-pages-mirror' },
  { path: '/volumes/e2e-pages-mirror', heading: 'Volume e2e-pages-mirror', loaded: 'Layout' },
  { path: '/slices', heading: 'Slices', loaded: 'Largest gap GiB' },
  { path: '/workloads', heading: 'Workloads', loaded: 'StatefulSet/cassandra' },
  { path: '/workloads?tab=pods', heading: 'Workloads', loaded: 'cassandra-0' },
  {
    path: '/workloads/pods/simulated/cassandra/cassandra-0',
    heading: 'Pod cassandra-0',
    loaded: 'data-cassandra-0',
  },
  {
    path: '/workloads/claims/simulated/cassandra/data-cassandra-0',
    heading: 'PVC data-cassandra-0',
    loaded: 'Member state',
  },
  { path: '/events', heading: 'Events', loaded: null },
  { path: '/incident', heading: 'Incident', loaded: 'Volumes that lost redundancy' },
  { path: '/audit', heading: 'Audit', loaded: 'POST /api/v1/volumes' },
  { path: '/admin/users', heading: 'Users', loaded: 'Add a user' },
  { path: '/account', heading: 'Account', loaded: null },
  { path: '/account/tokens', heading: 'API tokens', loaded: null },
] as const;

for (const { path, heading, loaded } of pages) {
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
  await page.getByRole('button', { name: /light theme/i }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  // Remembered across a reload.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByText('e2e-pages-mirror').first()).toBeVisible();
  expect(await seriousAxeFindings(page)).toEqual([]);
});
