import { PodListSchema, type PodView } from '@drivebay/api-types';
import { expect, test } from '@playwright/test';
import { DrivebayApi } from './support/api.js';
import { layoutProblems } from './support/layout.js';
import { saveFullPage } from './support/screenshot.js';
import { serverForThisFile } from './support/server.js';
import { signInBrowser } from './support/session.js';

// The embedded default's cluster gets its volumes through Drivebay's CSI plugin over gRPC: the
// StatefulSets come up (pods Running, PVCs Bound, the chain on the pod page), and a server going
// down moves a pod whose volume is detached (ControllerUnpublishVolume) and attached again
// (ControllerPublishVolume) by the plugin's calls, which the volume's CSI view shows.

const server = serverForThisFile({ workloads: true });
const CLUSTER = 'simulated';

async function pods(api: DrivebayApi, namespace: string): Promise<PodView[]> {
  const response = await api.request(`/api/v1/pods?namespace=${encodeURIComponent(namespace)}`);
  expect(response.ok).toBe(true);
  return PodListSchema.parse(await response.json()).pods;
}

async function runningWithVolume(api: DrivebayApi, namespace: string, name: string): Promise<PodView> {
  let found: PodView | undefined;
  await expect
    .poll(
      async () => {
        found = (await pods(api, namespace)).find((pod) => pod.name === name);
        return found && found.phase === 'Running' && found.volumeIds.length > 0 ? found.server : undefined;
      },
      { timeout: 60_000, message: `${namespace}/${name} Running on a Drivebay volume` },
    )
    .toBeTruthy();
  if (!found) throw new Error(`${namespace}/${name} not found`);
  return found;
}

test('the StatefulSets come up through the CSI plugin: Running, Bound, the chain on the pod page', async ({
  page,
}) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  for (const [namespace, name] of [
    ['cassandra', 'cassandra-0'],
    ['kafka', 'kafka-0'],
    ['search', 'elasticsearch-0'],
  ] as const) {
    const pod = await runningWithVolume(api, namespace, name);
    const volume = await api.volume(pod.volumeIds[0] ?? '');
    // Made and brought to the pod by the plugin's calls, each recorded on the volume.
    expect(volume.csi?.lastCall?.rpc).toBe('NodePublishVolume');
    expect(volume.csi?.lastCall?.actor).toMatch(/csi-plugin/);
    expect(volume).toMatchObject({ lifecycle: 'NodePublished', server: pod.server, cluster: CLUSTER });
    expect(volume.stagingPath).toMatch(
      /kubelet\/plugins\/kubernetes.io\/csi\/csi.drivebay.io\/[0-9a-f]{64}\/globalmount$/,
    );
  }
  await signInBrowser(page, server.url, server.admin);
  await page.goto(new URL(`/workloads/pods/${CLUSTER}/cassandra/cassandra-0`, server.url).toString());
  await expect(page.getByRole('heading', { level: 1, name: /Pod cassandra-0/ })).toBeVisible();
  await expect(page.getByText(/Bound/).first()).toBeVisible();
});

test('a server going down moves cassandra-0: its volume is unpublished and published again through the plugin', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const api = await DrivebayApi.signIn(server.url, server.admin);
  const before = await runningWithVolume(api, 'cassandra', 'cassandra-0');
  const volumeId = before.volumeIds[0] ?? '';
  await api.inject({ kind: 'server-down', serverId: before.server ?? '' });
  let after: PodView | undefined;
  await expect
    .poll(
      async () => {
        after = (await pods(api, 'cassandra')).find((pod) => pod.name === 'cassandra-0');
        return after?.phase === 'Running' && after.server !== before.server ? after.server : undefined;
      },
      { timeout: 90_000, message: 'cassandra-0 Running on another server' },
    )
    .toBeTruthy();
  const volume = await api.volume(volumeId);
  expect(volume).toMatchObject({ server: after?.server, lifecycle: 'NodePublished' });

  await signInBrowser(page, server.url, server.admin);
  await page.goto(new URL(`/volumes/${volumeId}`, server.url).toString());
  const csi = page.getByRole('region', { name: 'Kubernetes (CSI)' });
  await expect(csi).toBeVisible();
  const calls = csi.getByRole('list', { name: 'CSI calls, newest first' });
  // Detached from the dead server (the attach-detach controller gave up waiting for its kubelet)...
  await expect(calls.locator('li[data-rpc="ControllerUnpublishVolume"]').first()).toContainText(
    `detached from server ${before.server}, which is down`,
  );
  // ...then attached and mounted on the new one.
  await expect(calls.locator('li[data-rpc="ControllerPublishVolume"]').first()).toContainText(
    `server ${after?.server}`,
  );
  await expect(csi.locator('li[data-step="NodePublishVolume"]')).toHaveAttribute('data-state', 'current');
  await expect(csi).toContainText(`PVC cassandra/data-cassandra-0`);
  // The page as an operator reads it after the move, at the widths they use: nothing clipped.
  for (const width of [1024, 1440, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(csi.locator('li[data-step="NodePublishVolume"]')).toBeVisible();
    expect.soft(await layoutProblems(page), `/volumes/${volumeId} at ${width}`).toEqual([]);
    await saveFullPage(page, `.cache/screenshots/csi-volume-after-move-${width}.png`);
  }
  await api.inject({ kind: 'server-up', serverId: before.server ?? '' });
});
