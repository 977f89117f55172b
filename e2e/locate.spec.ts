import { expect, test } from '@playwright/test';
import { TopologyPage } from './pages/topology-page.js';
import { DrivebayApi } from './support/api.js';
import { saveFullPage } from './support/screenshot.js';
import { serverForThisFile } from './support/server.js';
import { signInBrowser } from './support/session.js';

// Locate a drive from its panel: the LED goes on through the hardware source (the simulated site
// over Redfish), every console shows it at once (a viewer's too, without the button), and it goes off.
const server = serverForThisFile();

test('an operator lights a bay from the drive panel; a viewer sees it blink live, without the button', async ({
  page,
  browser,
}) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  const viewer = { username: 'vic', password: 'viewer password 1' };
  await api.createUser(viewer.username, 'viewer', viewer.password);
  const { drives } = await api.topology();
  const drive = drives[3];
  if (!drive) throw new Error('no drives');

  const watching = await browser.newPage();
  await signInBrowser(watching, server.url, viewer);
  const viewerMap = new TopologyPage(watching);
  await viewerMap.open(server.url, drive.id);
  const viewerLocate = viewerMap.drivePanel(drive.id).getByRole('region', { name: 'Locate LED' });
  await expect(viewerLocate).toContainText('Locate LED off.');
  await expect(viewerLocate.getByRole('button')).toHaveCount(0);

  await signInBrowser(page, server.url, server.admin);
  const topology = new TopologyPage(page);
  await topology.open(server.url, drive.id);
  const locate = topology.drivePanel(drive.id).getByRole('region', { name: 'Locate LED' });
  await locate.getByRole('button', { name: "Light the bay's locate LED" }).click();
  await expect(locate).toContainText(`Locate LED on since`);
  await expect(locate).toContainText(`by user:${server.admin.username}`);
  await expect(topology.map).toHaveAttribute('data-locate-count', '1');

  // The other console follows through the live feed, no reload.
  await expect(viewerLocate).toContainText('Locate LED on since');
  await expect(viewerMap.map).toHaveAttribute('data-locate-count', '1');
  expect((await api.topology()).snapshot.locates).toMatchObject([{ kind: 'drive', id: drive.id }]);
  await saveFullPage(page, '.cache/screenshots/locate-1440.png');

  await locate.getByRole('button', { name: 'Turn locate LED off' }).click();
  await expect(locate).toContainText('Locate LED off.');
  await expect(viewerLocate).toContainText('Locate LED off.');
  await expect(viewerMap.map).toHaveAttribute('data-locate-count', '0');
  await watching.close();
});
