import { GIB } from '@drivebay/api-types';
import { expect, test } from '@playwright/test';
import { SlicesPage } from './pages/slices-page.js';
import { DrivebayApi } from './support/api.js';
import { seriousAxeFindings } from './support/axe.js';
import { serverForThisFile } from './support/server.js';
import { signInBrowser } from './support/session.js';

const server = serverForThisFile();

test('sliced SSDs show their slices, live; the heat map selects through the URL; a slice leads to its volume', async ({
  page,
}) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  await signInBrowser(page, server.url, server.admin);
  const slices = new SlicesPage(page);
  await test.step('before any slice, the page says how to make one', async () => {
    await slices.open(server.url);
    await expect(slices.heatMap).toBeVisible();
    await expect(slices.summary).toHaveAttribute('data-sliced', '0');
    await expect(slices.emptyState).toContainText('Compose volume');
    await expect(slices.emptyState.getByRole('link', { name: 'Volumes' })).toHaveAttribute(
      'href',
      '/volumes',
    );
  });

  const first = await api.compose({
    name: 'e2e-slice-a',
    capacityBytes: 40 * GIB,
    parameters: { type: 'slice' },
  });
  const driveId = first.volume.members[0]?.driveId ?? '';
  expect(first.volume.members[0]?.slice).toBeDefined();

  await test.step('the new slice shows up live; selecting its SSD shows the bar', async () => {
    await expect(slices.summary).toHaveAttribute('data-sliced', '1');
    await expect(slices.emptyState).toBeHidden();
    await expect(slices.legendCount('Sliced 1–25%')).toHaveText('1');
    await slices.selectFromTable(driveId);
    await expect(page).toHaveURL(new RegExp(`[?&]drive=${driveId}`));
    await expect(slices.slice(driveId, 'e2e-slice-a', 40)).toBeVisible();
  });

  await test.step('a second slice volume appears on the open bar without a reload', async () => {
    // Best fit puts the next slice on the same SSD, right after the first.
    const second = await api.compose({
      name: 'e2e-slice-b',
      capacityBytes: 10 * GIB,
      parameters: { type: 'slice' },
    });
    expect(second.volume.members[0]?.driveId).toBe(driveId);
    await expect(slices.slice(driveId, 'e2e-slice-b', 10)).toBeVisible();
    const list = await slices.sliceList(driveId);
    // From GiB, size GiB, volume, PVC (for now the volume's name).
    await expect(list.getByRole('row').nth(2).getByRole('cell')).toHaveText([
      '40',
      '10',
      'e2e-slice-b',
      'e2e-slice-b',
    ]);
    await expect(list.getByRole('row').filter({ hasText: 'free' })).toHaveCount(1);
  });

  await test.step('bar, list, legend and table read well in both themes', async () => {
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  await test.step('a heat map cell says what it is and selects its SSD; back returns', async () => {
    await slices.pointAtFirstCell();
    await expect(slices.heatMapHover).toHaveText(/^drv-[a-z0-9]+ · /);
    const pointed = (await slices.heatMapHover.textContent())?.split(' · ')[0] ?? '';
    expect(pointed, 'the first cell should be another SSD than the sliced one').not.toBe(driveId);
    await slices.clickFirstCell();
    await expect(page).toHaveURL(new RegExp(`[?&]drive=${pointed}`));
    await expect(slices.sliceBar(pointed)).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`[?&]drive=${driveId}`));
    await expect(slices.slice(driveId, 'e2e-slice-a', 40)).toBeVisible();
  });

  await test.step('the heat map works from the keyboard: arrows move, Enter selects', async () => {
    await slices.heatMap.focus();
    await page.keyboard.press('Home');
    await expect(slices.heatMapHover).toHaveText(/^drv-[a-z0-9]+ · /);
    const first = (await slices.heatMapHover.textContent())?.split(' · ')[0] ?? '';
    await page.keyboard.press('ArrowRight');
    const second = (await slices.heatMapHover.textContent())?.split(' · ')[0] ?? '';
    expect(second).not.toBe(first);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`[?&]drive=${second}`));
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`[?&]drive=${driveId}`));
  });

  await test.step('a slice on the bar opens its volume', async () => {
    await slices.slice(driveId, 'e2e-slice-a', 40).click();
    await expect(page).toHaveURL(/\/volumes\/e2e-slice-a$/);
    await expect(page.getByRole('heading', { name: 'Volume e2e-slice-a' })).toBeVisible();
  });
});
