import { expect, test } from '@playwright/test';
import { TopologyPage } from './pages/topology-page.js';
import { DrivebayApi } from './support/api.js';
import { serverForThisFile } from './support/server.js';
import { signInBrowser } from './support/session.js';

const server = serverForThisFile();

test('"/" focuses Find; a volume name outlines its drives and opens the first; Esc closes the panel', async ({
  page,
}) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  await signInBrowser(page, server.url, server.admin);
  const { volume } = await api.compose({
    name: 'e2e-find-mirror',
    capacityBytes: 2_000_000_000_000,
    parameters: { type: 'hdd', redundancy: true },
  });
  const [first] = volume.members;
  const topology = new TopologyPage(page);
  await topology.open(server.url);
  await expect(topology.map).toBeVisible();

  await page.keyboard.press('/');
  await expect(topology.find).toBeFocused();
  await page.keyboard.type('e2e-find-mirror');
  await page.keyboard.press('Enter');
  await expect(topology.volumeHighlight).toContainText('the 2 drives of volume e2e-find-mirror');
  await expect(topology.drivePanel(first?.driveId ?? '')).toBeVisible();
  await expect(page).toHaveURL(/volume=e2e-find-mirror/);

  await topology.map.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Escape');
  await expect(topology.drivePanel(first?.driveId ?? '')).toHaveCount(0);

  await topology.find.fill('no-such-thing');
  await topology.find.press('Enter');
  await expect(page.getByText('No drive (id or serial) and no volume named “no-such-thing”.')).toBeVisible();
});

test('colour by utilisation counts the volume’s drives as used, and the mode survives a reload', async ({
  page,
}) => {
  await signInBrowser(page, server.url, server.admin);
  const topology = new TopologyPage(page);
  await topology.open(server.url);
  await topology.colourBy.selectOption('utilisation');
  await expect(page).toHaveURL(/colour=utilisation/);
  // The mirror from the first test holds two whole HDDs.
  await expect(
    topology.colourLegend.locator('[data-colour-category="76–100%"] [data-count]'),
  ).toHaveAttribute('data-count', '2');
  await page.reload();
  await expect(topology.colourBy).toHaveValue('utilisation');
  await topology.colourBy.selectOption('storageGroup');
  await expect(topology.colourLegend.getByRole('listitem').first()).toBeVisible();
  await page.goBack();
  await expect(topology.colourBy).toHaveValue('utilisation');
});
