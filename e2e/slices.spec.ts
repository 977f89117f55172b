import { GIB } from '@drivebay/api-types';
import { expect, test } from '@playwright/test';
import { SlicesPage } from './pages/slices-page.js';
import { DrivebayApi } from './support/api.js';
import { killServer, type RunningServer, removeDataDir, startServer } from './support/server.js';
import { signInBrowser } from './support/session.js';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  await killServer(server, 'SIGTERM');
  removeDataDir(server);
});

test('sliced SSDs are listed; a slice on the bar leads to its volume, and a new slice appears live', async ({
  page,
}) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  await signInBrowser(page, server.url, server.admin);
  const first = await api.compose({
    name: 'e2e-slice-a',
    capacityBytes: 40 * GIB,
    parameters: { type: 'slice' },
  });
  const driveId = first.volume.members[0]?.driveId ?? '';

  const slices = new SlicesPage(page);
  await slices.open(server.url);
  await expect(slices.heatMap).toBeVisible();
  await expect(slices.summary).toHaveAttribute('data-sliced', '1');
  await slices.table.getByRole('button', { name: driveId }).click();
  await expect(page).toHaveURL(new RegExp(`drive=${driveId}`));
  const bar = slices.sliceBar(driveId);
  await expect(bar.getByRole('link', { name: 'e2e-slice-a · 40 GiB' })).toBeVisible();

  // Best fit puts the next slice on the same SSD: it shows up without a reload.
  await api.compose({ name: 'e2e-slice-b', capacityBytes: 10 * GIB, parameters: { type: 'slice' } });
  await expect(bar.getByRole('link', { name: 'e2e-slice-b · 10 GiB' })).toBeVisible();

  await bar.getByRole('link', { name: 'e2e-slice-a · 40 GiB' }).click();
  await expect(page).toHaveURL(/\/volumes\/e2e-slice-a$/);
  await expect(page.getByRole('heading', { name: 'Volume e2e-slice-a' })).toBeVisible();
});
