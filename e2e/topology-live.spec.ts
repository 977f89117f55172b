import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { TopologyPage } from './pages/topology-page.js';
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

test('a drive failure injected through the API shows on the open topology page without reload', async ({
  page,
}) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  await signInBrowser(page, server.url, server.admin);
  const { drives } = await api.topology();
  const target = drives.find((d) => d.health === 'ok');
  if (!target) throw new Error('the simulated site has no healthy drive');
  const topology = new TopologyPage(page);

  await topology.open(server.url, target.id);
  await expect(topology.connection).toHaveAttribute('data-connection', 'live');
  await expect(topology.drivePanel(target.id)).toHaveAttribute('data-health', 'ok');
  await expect(topology.map).toHaveAttribute('data-failed-count', '0');

  const injectedAt = Date.now();
  await api.inject({ kind: 'drive-fail', driveId: target.id });
  await expect(topology.drivePanel(target.id)).toHaveAttribute('data-health', 'failed', { timeout: 2_000 });
  await expect(topology.drivePanel(target.id)).toContainText('failed');
  await expect(topology.map).toHaveAttribute('data-failed-count', '1');
  test.info().annotations.push({ type: 'fault-to-screen', description: `${Date.now() - injectedAt} ms` });

  mkdirSync('.cache/screenshots', { recursive: true });
  await page.screenshot({ path: '.cache/screenshots/topology-drive-failed.png' });
});

test('after the server is killed with SIGKILL and restarted, nothing committed is lost and the page catches up', async ({
  page,
}) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  await signInBrowser(page, server.url, server.admin);
  const { drives, snapshot } = await api.topology();
  const failedBefore = drives.filter((d) => d.health === 'failed').map((d) => d.id);
  const enclosure = snapshot.enclosures.find((e) => e.state === 'online');
  if (!enclosure) throw new Error('no online enclosure');
  const topology = new TopologyPage(page);
  await topology.open(server.url);
  await expect(topology.connection).toHaveAttribute('data-connection', 'live');

  await killServer(server);
  await expect(topology.connection).not.toHaveAttribute('data-connection', 'live');
  server = await startServer({ dataDir: server.dataDir, port: server.port });

  const after = await api.topology();
  expect(after.snapshot.revision).toBeGreaterThanOrEqual(snapshot.revision);
  expect(after.drives.filter((d) => d.health === 'failed').map((d) => d.id)).toEqual(failedBefore);

  await expect(topology.connection).toHaveAttribute('data-connection', 'live', { timeout: 15_000 });
  await api.inject({ kind: 'enclosure-offline', enclosureId: enclosure.id });
  const offline = after.drives.filter((d) => d.enclosure === enclosure.id).length;
  await expect(topology.map).toHaveAttribute('data-offline-count', String(offline));
});
