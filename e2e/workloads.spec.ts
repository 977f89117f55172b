import { type ClusterList, ClusterListSchema, type PodDetail, PodDetailSchema } from '@drivebay/api-types';
import { expect, test } from '@playwright/test';
import { KubeDetailPage, WorkloadsPage } from './pages/workloads-page.js';
import { DrivebayApi } from './support/api.js';
import { serverForThisFile } from './support/server.js';
import { signInBrowser } from './support/session.js';

const server = serverForThisFile({ workloads: true });
let api: DrivebayApi;
let cluster: string;

/** GETs an API path and parses it with the contract's schema. */
async function getParsed<T>(path: string, schema: { parse(value: unknown): T }): Promise<T> {
  const response = await api.request(path);
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return schema.parse(await response.json());
}

test.beforeAll(async () => {
  api = await DrivebayApi.signIn(server.url, server.admin);
  // The simulated cluster starts with the server; wait until the podwatcher has listed it.
  await expect
    .poll(
      async () => {
        const { clusters }: ClusterList = await getParsed('/api/v1/clusters', ClusterListSchema);
        return clusters.find((c) => c.source === 'simulator' && c.state === 'watching')?.id ?? null;
      },
      { timeout: 30_000 },
    )
    .not.toBeNull();
  const { clusters } = await getParsed('/api/v1/clusters', ClusterListSchema);
  cluster = clusters.find((c) => c.source === 'simulator')?.id ?? '';
});

test('a pod of the simulated cluster is traced from its StatefulSet down to its drives', async ({ page }) => {
  await signInBrowser(page, server.url, server.admin);
  const detail: PodDetail = await getParsed(`/api/v1/pods/${cluster}/cassandra/cassandra-0`, PodDetailSchema);
  const chain = detail.claims.find((c) => c.claim.name === 'data-cassandra-0');
  const volume = chain?.volume;
  if (!chain || !volume) throw new Error('cassandra-0 has no volume behind data-cassandra-0');

  const workloads = new WorkloadsPage(page);
  await test.step('the Workloads page lists the StatefulSet, with the cluster watching', async () => {
    await workloads.open(server.url);
    await expect(workloads.heading).toBeVisible();
    await expect(workloads.cluster(cluster)).toContainText('watching');
    await expect(workloads.workload('cassandra', 'StatefulSet/cassandra')).toBeVisible();
    await expect(workloads.workload('cassandra', 'StatefulSet/cassandra')).toContainText('healthy');
  });

  await test.step('the workload opens its pods, and the pod its chain', async () => {
    await workloads.workload('cassandra', 'StatefulSet/cassandra').getByRole('link').click();
    await expect(page).toHaveURL(/tab=pods/);
    await expect(workloads.tab('Pods')).toHaveAttribute('aria-current', 'page');
    await expect(workloads.pod('cassandra-1')).toBeVisible();
    await expect(workloads.pod('kafka-0')).toHaveCount(0);
    await workloads.pod('cassandra-0').getByRole('link', { name: 'cassandra-0', exact: true }).click();
    await expect(page).toHaveURL(
      new URL(`/workloads/pods/${cluster}/cassandra/cassandra-0`, server.url).toString(),
    );
  });

  const pod = new KubeDetailPage(page, 'Pod', 'cassandra-0');
  await test.step('the pod page shows pod → node → server, and PVC → PV → volume → drives', async () => {
    await expect(pod.heading).toBeVisible();
    await expect(pod.step('Pod', 'cassandra-0')).toContainText('StatefulSet/cassandra');
    if (detail.node) await expect(pod.step('Node', detail.node.name)).toContainText('ready');
    await expect(pod.step('PVC', 'data-cassandra-0')).toContainText('Bound');
    await expect(pod.step('Volume', volume.name)).toContainText(volume.health);
    await expect(page.getByRole('link', { name: volume.name, exact: true })).toHaveAttribute(
      'href',
      `/volumes/${volume.id}`,
    );
    await expect(pod.drives(volume.name).first()).toBeVisible();
    await expect(pod.drives(volume.name)).toHaveCount(chain.drives.length);
    const first = chain.drives[0];
    if (first) await expect(pod.drives(volume.name).first()).toContainText(first.driveId);
    await expect(pod.showOnTopology(volume.name)).toHaveAttribute('href', `/topology?volume=${volume.id}`);
  });

  await test.step('the PVC page shows the pod that mounts it', async () => {
    await page.getByRole('link', { name: 'data-cassandra-0', exact: true }).click();
    const claim = new KubeDetailPage(page, 'PVC', 'data-cassandra-0');
    await expect(claim.heading).toBeVisible();
    await expect(page.getByRole('list', { name: 'Pods that mount it' })).toContainText('cassandra-0');
    await expect(claim.drives(volume.name).first()).toBeVisible();
  });
});

test('the view, cluster and namespace live in the URL', async ({ page }) => {
  await signInBrowser(page, server.url, server.admin);
  const workloads = new WorkloadsPage(page);
  await workloads.open(server.url, `?cluster=${cluster}&tab=claims&namespace=kafka`);
  await expect(workloads.tab('PVCs')).toHaveAttribute('aria-current', 'page');
  await expect(workloads.cluster(cluster).getByRole('link')).toHaveAttribute('aria-current', 'true');
  await expect(workloads.claim('logs-kafka-0')).toBeVisible();
  await expect(workloads.claim('data-cassandra-0')).toHaveCount(0);
  await page.reload();
  await expect(workloads.claim('logs-kafka-0')).toBeVisible();
  await workloads.tab('Nodes').click();
  await expect(page).toHaveURL(/tab=nodes/);
  await expect(workloads.table('Nodes').locator('tbody tr').first()).toBeVisible();
});

test('a drive failing under a pod shows on its open page without reload', async ({ page }) => {
  await signInBrowser(page, server.url, server.admin);
  const detail = await getParsed(`/api/v1/pods/${cluster}/kafka/kafka-0`, PodDetailSchema);
  const chain = detail.claims.find((c) => c.volume);
  const volume = chain?.volume;
  const drive = chain?.drives[0];
  if (!volume || !drive) throw new Error('kafka-0 has no volume with drives');
  const pod = new KubeDetailPage(page, 'Pod', 'kafka-0');
  await page.goto(new URL(`/workloads/pods/${cluster}/kafka/kafka-0`, server.url).toString());
  await expect(pod.step('Volume', volume.name)).toContainText('healthy');
  await expect(page.getByRole('status').and(page.locator('[data-connection]'))).toHaveAttribute(
    'data-connection',
    'live',
  );
  let loads = 0;
  page.on('load', () => {
    loads += 1;
  });
  await api.inject({ kind: 'drive-fail', driveId: drive.driveId });
  await expect(pod.step('Volume', volume.name)).not.toContainText('healthy');
  await expect(pod.problems).toContainText(`Volume ${volume.name}`);
  // The failed drive is replaced at once; the member history still names it, and its replacement.
  const history = page.getByRole('region', { name: 'Member history' });
  await expect(history.locator(`[data-change="failed"][data-drive="${drive.driveId}"]`)).toContainText(
    `drive ${drive.driveId} failed`,
  );
  expect(loads).toBe(0);
});

test('volumes are named by their PVC and workload, and found by them', async ({ page }) => {
  await signInBrowser(page, server.url, server.admin);
  await page.goto(new URL('/volumes?q=data-cassandra-0', server.url).toString());
  const table = page.getByRole('table', { name: 'Volumes' });
  const row = table.locator('tbody tr').filter({ hasText: 'cassandra/data-cassandra-0' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('StatefulSet/cassandra');
  await row.getByRole('link', { name: 'cassandra/data-cassandra-0' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'PVC data-cassandra-0' })).toBeVisible();
});
