import { GIB } from '@drivebay/api-types';
import { expect, test } from '@playwright/test';
import { VolumeDetailPage, VolumesPage } from './pages/volumes-page.js';
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

test('a member drive failing shows on the open volume page and in the list without reload', async ({
  page,
}) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  await signInBrowser(page, server.url, server.admin);
  const { mirror, slice } =
    await test.step('compose a mirrored HDD volume and an SSD slice through the API', async () => {
      const composed = await api.compose({
        name: 'e2e-mirror',
        capacityBytes: 2_000_000_000_000,
        parameters: { type: 'hdd', redundancy: true },
      });
      expect(composed.created).toBe(true);
      expect(composed.volume.layout).toBe('raid1');
      expect(composed.volume.members).toHaveLength(2);
      const sliced = await api.compose({
        name: 'e2e-slice',
        capacityBytes: 50 * GIB,
        parameters: { type: 'slice' },
      });
      expect(sliced.volume.layout).toBe('single');
      return { mirror: composed.volume, slice: sliced.volume };
    });

  const list = new VolumesPage(page);
  await test.step('the list shows both volumes, healthy', async () => {
    await list.open(server.url);
    await expect(list.connection).toHaveAttribute('data-connection', 'live');
    await expect(list.rows).toHaveCount(2);
    for (const volume of [mirror, slice]) {
      await expect(list.row(volume.name)).toHaveAttribute('data-health', 'healthy');
      await expect(list.health(volume.name)).toHaveText('healthy');
    }
    await expect(list.row(mirror.name)).toContainText('RAID1');
    await expect(list.row(slice.name)).toContainText('SSD slice');
    await expect(list.summary).toHaveText('2 volumes: 0 failed, 0 degraded, 0 rebuilding, 2 healthy');
  });

  const detail = new VolumeDetailPage(page, mirror);
  await test.step('the mirror opens from its row, with both copies active', async () => {
    await list.openVolume(mirror.name);
    await expect(page).toHaveURL(new URL(`/volumes/${mirror.id}`, server.url).toString());
    await expect(detail.heading).toBeVisible();
    await expect(detail.root).toHaveAttribute('data-health', 'healthy');
    await expect(detail.healthBadge).toHaveText('healthy');
    await expect(detail.healthSentence).toHaveText('All 2 copies are active.');
    await expect(detail.layout).toContainText('RAID1: 2 copies of each drive');
    for (const member of mirror.members) {
      await expect(detail.member(member.set, member.copy)).toHaveAttribute('data-member-state', 'active');
      await expect(detail.member(member.set, member.copy)).toContainText(member.driveId);
    }
    await expect(detail.event('VolumeCreated')).toBeVisible();
    await expect(detail.connection).toHaveAttribute('data-connection', 'live');
  });

  // From here on the page must change by live updates alone: a reload would fire `load`.
  let loads = 0;
  page.on('load', () => {
    loads += 1;
  });
  const [failing, surviving] = mirror.members;
  if (!failing || !surviving) throw new Error('the mirror has fewer than two members');

  await test.step('failing the drive under copy 0 degrades the open page, then a rebuild starts', async () => {
    const injectedAt = Date.now();
    await api.inject({ kind: 'drive-fail', driveId: failing.driveId });
    await expect(detail.root).toHaveAttribute('data-health', /^(degraded|rebuilding)$/, { timeout: 2_000 });
    test.info().annotations.push({ type: 'fault-to-screen', description: `${Date.now() - injectedAt} ms` });
    await expect(detail.member(failing.set, failing.copy)).not.toHaveAttribute('data-member-state', 'active');
    await expect(detail.event('VolumeDegraded')).toContainText(
      `${failing.driveId} (set ${failing.set}, copy ${failing.copy}) failed`,
    );

    // The small site has spare HDDs, so the rebuild scheduler replaces the copy within a pass or two.
    await expect(detail.root).toHaveAttribute('data-health', 'rebuilding');
    await expect(detail.healthBadge).toHaveText('rebuilding');
    await expect(detail.healthSentence).toContainText('1 copy rebuilding');
    await expect(detail.event('RebuildStarted')).toContainText(failing.driveId);
    await expect(detail.member(failing.set, failing.copy)).toHaveAttribute('data-member-state', 'rebuilding');
    await expect(detail.member(failing.set, failing.copy)).not.toContainText(failing.driveId);
    await expect(detail.rebuild(failing.set, failing.copy)).toBeVisible();
    await expect(detail.member(surviving.set, surviving.copy)).toHaveAttribute('data-member-state', 'active');
    await expect(detail.member(surviving.set, surviving.copy)).toContainText(surviving.driveId);

    // What the page shows is what the server holds.
    const now = await api.volume(mirror.id);
    expect(now.health).toBe('rebuilding');
    await expect(detail.member(failing.set, failing.copy)).toContainText(now.members[0]?.driveId ?? '?');
  });

  await test.step('back on the list, the mirror row shows the rebuild; the slice is untouched', async () => {
    await detail.backToList.click();
    await expect(page).toHaveURL(new URL('/volumes', server.url).toString());
    await expect(list.row(mirror.name)).toHaveAttribute('data-health', 'rebuilding');
    await expect(list.health(mirror.name)).toHaveText('rebuilding');
    await expect(list.row(slice.name)).toHaveAttribute('data-health', 'healthy');
    await expect(list.summary).toHaveText('2 volumes: 0 failed, 0 degraded, 1 rebuilding, 1 healthy');
    expect(loads).toBe(0);
  });

  await test.step('the list survives a reload (deep link) with the same rows', async () => {
    await page.reload();
    await expect(list.connection).toHaveAttribute('data-connection', 'live');
    await expect(list.rows).toHaveCount(2);
    await expect(list.row(mirror.name)).toHaveAttribute('data-health', 'rebuilding');
    await expect(list.health(mirror.name)).toHaveText('rebuilding');
    await expect(list.row(slice.name)).toHaveAttribute('data-health', 'healthy');
    await expect(list.health(slice.name)).toHaveText('healthy');
    await expect(list.summary).toHaveText('2 volumes: 0 failed, 0 degraded, 1 rebuilding, 1 healthy');
  });
});
