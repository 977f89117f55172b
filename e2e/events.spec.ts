import { expect, test } from '@playwright/test';
import { EventsPage } from './pages/events-page.js';
import { DrivebayApi } from './support/api.js';
import { serverForThisFile } from './support/server.js';
import { signInBrowser } from './support/session.js';

const server = serverForThisFile();

test('events arrive live, filter by severity in the URL, pause and resume, and link to their object', async ({
  page,
}) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  await signInBrowser(page, server.url, server.admin);
  const { drives } = await api.topology();
  const [first, second] = drives.filter((d) => d.health === 'ok');
  const events = new EventsPage(page);
  await events.open(server.url);
  await expect(page.getByRole('heading', { name: 'Events', level: 1 })).toBeVisible();
  await expect(events.connection).toHaveAttribute('data-connection', 'live');

  // From here on the timeline must change by live events alone: no reload, no refetch, no polling.
  let loads = 0;
  let timelineRequests = 0;
  page.on('load', () => {
    loads += 1;
  });
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/v1/events') timelineRequests += 1;
  });
  await api.inject({ kind: 'drive-fail', driveId: first?.id ?? '' });
  const failed = events.event('DriveFailed', first?.id ?? '');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('critical');
  await expect(failed.getByRole('link', { name: `drive ${first?.id}` })).toHaveAttribute(
    'href',
    `/topology?drive=${first?.id}`,
  );
  expect({ loads, timelineRequests }).toEqual({ loads: 0, timelineRequests: 0 });

  await events.severity('critical').check();
  await expect(page).toHaveURL(/severity=critical/);
  await expect(failed).toBeVisible();
  await expect(events.list.locator('li[data-severity="info"]')).toHaveCount(0);

  await events.pause.click();
  await api.inject({ kind: 'drive-fail', driveId: second?.id ?? '' });
  await expect(events.paused).toContainText('1 new event since');
  await expect(events.event('DriveFailed', second?.id ?? '')).toHaveCount(0);
  await events.resume.click();
  await expect(events.paused).toHaveCount(0);
  await expect(events.event('DriveFailed', second?.id ?? '')).toBeVisible();

  // A pause belongs to the filters it was taken under: back shows the other timeline live.
  await events.pause.click();
  await expect(events.paused).toContainText('No new events since');

  await page.goBack();
  await expect(page).not.toHaveURL(/severity=/);
  await expect(events.paused).toHaveCount(0);
  await expect(events.pause).toBeVisible();
  await failed.getByRole('link', { name: `drive ${first?.id}` }).click();
  await expect(page).toHaveURL(new RegExp(`/topology\\?drive=${first?.id}`));
  await expect(page.getByRole('complementary', { name: `Drive ${first?.id}` })).toBeVisible();
});
