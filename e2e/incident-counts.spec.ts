import { expect, test } from '@playwright/test';
import { IncidentPage } from './pages/incident-page.js';
import { DrivebayApi } from './support/api.js';
import { serverForThisFile } from './support/server.js';
import { signInBrowser } from './support/session.js';

// Rebuilds slow enough to still run while the test looks: 10 MB/s over terabyte mirrors.
const server = serverForThisFile({ args: ['--rebuild-rate', '10000000'] });

test('the banner and the incident page count one state: a second rebuild starting shows on both alike', async ({
  page,
}) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  await signInBrowser(page, server.url, server.admin);
  const mirrors = [];
  for (const name of ['e2e-counts-a', 'e2e-counts-b']) {
    mirrors.push(
      (
        await api.compose({
          name,
          capacityBytes: 2_000_000_000_000,
          parameters: { type: 'hdd', redundancy: true },
        })
      ).volume,
    );
  }
  const [first, second] = mirrors;
  if (!first || !second) throw new Error('no mirrors');
  const incident = new IncidentPage(page);

  // As in the report: the volumes page open, one rebuild running, then a drive of a second mirror fails.
  await page.goto(new URL('/volumes', server.url).toString());
  await api.inject({ kind: 'drive-fail', driveId: first.members[0]?.driveId ?? '' });
  await expect(incident.part('volumes-rebuilding')).toHaveText(/1 volume rebuilding/);
  await api.inject({ kind: 'drive-fail', driveId: second.members[0]?.driveId ?? '' });
  await expect(incident.part('volumes-rebuilding')).toHaveText(/2 volumes rebuilding/);

  await incident.openFromBanner.click();
  await expect(incident.rebuilds.getByRole('heading')).toContainText('(2)');
  // The page's own counts and the banner's say the same.
  const onPage = page.locator('.incident-summary').locator('[data-incident-part="volumes-rebuilding"]');
  await expect(onPage).toHaveText(/2 volumes rebuilding/);
  await expect(incident.part('volumes-rebuilding')).toHaveText(/2 volumes rebuilding/);
});
