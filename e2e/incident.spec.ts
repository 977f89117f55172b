import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { IncidentPage } from './pages/incident-page.js';
import { DrivebayApi } from './support/api.js';
import { serverForThisFile } from './support/server.js';
import { signInBrowser } from './support/session.js';

const server = serverForThisFile();

test('an enclosure going offline raises the banner; one click lists what is affected, and it exports', async ({
  page,
}) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  await signInBrowser(page, server.url, server.admin);
  const { volume } = await api.compose({
    name: 'e2e-incident-mirror',
    capacityBytes: 2_000_000_000_000,
    parameters: { type: 'hdd', redundancy: true },
  });
  const enclosureId = volume.members[0]?.enclosureId ?? '';
  const incident = new IncidentPage(page);

  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(incident.banner).toHaveCount(0);

  await api.inject({ kind: 'enclosure-offline', enclosureId });
  await expect(incident.part('enclosures-offline')).toHaveText(/1 enclosure offline/);
  await incident.openFromBanner.click();
  await expect(page).toHaveURL(/\/incident$/);
  await expect(incident.enclosuresOffline).toContainText(enclosureId);
  // The mirror lost the copy in that enclosure: it is either waiting for or already running its rebuild.
  await expect(incident.affectedVolume(volume.id)).toBeVisible();
  await expect(incident.affectedVolume(volume.id).getByRole('link', { name: volume.name })).toBeVisible();

  const [json] = await Promise.all([page.waitForEvent('download'), incident.exportJson.click()]);
  const report = JSON.parse(await readFile(await json.path(), 'utf8'));
  expect(report.enclosuresOffline.map((e: { id: string }) => e.id)).toEqual([enclosureId]);
  expect([...report.lostRedundancy, ...report.rebuilding].map((v: { id: string }) => v.id)).toContain(
    volume.id,
  );

  const [png] = await Promise.all([page.waitForEvent('download'), incident.exportPng.click()]);
  expect(png.suggestedFilename()).toMatch(/^drivebay-incident-.*-map\.png$/);
  const bytes = await readFile(await png.path());
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');

  await incident.enclosuresOffline.getByRole('link').first().click();
  const panel = page.getByRole('complementary', { name: `Enclosure ${enclosureId}` });
  await expect(panel).toContainText('Offline: every drive in it is unreachable.');
  await expect(panel.getByRole('button', { name: /^Bay 0: / })).toBeVisible();

  await api.inject({ kind: 'enclosure-online', enclosureId });
  await expect(panel).not.toContainText('Offline: every drive in it is unreachable.');
  await expect(incident.part('enclosures-offline')).toHaveCount(0);
});
