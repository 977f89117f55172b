import { readFile } from 'node:fs/promises';
import { PodListSchema, type PodView, type Volume } from '@drivebay/api-types';
import { expect, type Page, test } from '@playwright/test';
import { IncidentPage } from './pages/incident-page.js';
import { TopologyPage } from './pages/topology-page.js';
import { DrivebayApi } from './support/api.js';
import { seriousAxeFindings } from './support/axe.js';
import { serverForThisFile } from './support/server.js';
import { signInBrowser } from './support/session.js';

const server = serverForThisFile({ workloads: true });
const CLUSTER = 'simulated';

/** The simulated cluster's pod, once the podwatcher has bound it to a volume (bounded polling). */
async function podWithVolume(api: DrivebayApi, namespace: string, name: string): Promise<PodView> {
  let found: PodView | undefined;
  await expect
    .poll(
      async () => {
        const response = await api.request(`/api/v1/pods?namespace=${encodeURIComponent(namespace)}`);
        if (!response.ok) return `GET /api/v1/pods: ${response.status}`;
        found = PodListSchema.parse(await response.json()).pods.find((pod) => pod.name === name);
        return found?.volumeIds.length ?? 0;
      },
      { timeout: 30_000, message: `${namespace}/${name} bound to a Drivebay volume` },
    )
    .toBeGreaterThan(0);
  if (!found) throw new Error(`${namespace}/${name} not found`);
  return found;
}

/** The region listing the affected pods and PVCs, and one entry of it. */
function kubeSection(page: Page) {
  const region = page.getByRole('region', { name: /Kubernetes workloads affected/ });
  return {
    region,
    pod: (name: string) => region.locator(`[data-pod="${CLUSTER}/cassandra/${name}"]`),
    claim: (name: string) => region.locator(`[data-claim="${CLUSTER}/cassandra/${name}"]`),
  };
}

test('a failed drive under cassandra-0 lists the pod and its PVC as affected, exported, linked to the pod', async ({
  page,
}) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  await signInBrowser(page, server.url, server.admin);
  const pod = await podWithVolume(api, 'cassandra', 'cassandra-0');
  const volume = await api.volume(pod.volumeIds[0] ?? '');
  const failing = volume.members[0]?.driveId ?? '';
  const incident = new IncidentPage(page);

  await page.goto(new URL('/incident', server.url).toString());
  await expect(page.getByRole('heading', { name: /No incident/ })).toBeVisible();

  await api.inject({ kind: 'drive-fail', driveId: failing });
  await expect(incident.part('pods-affected')).toHaveText(/1 pod affected/);
  const kube = kubeSection(page);
  // The mirror lost one copy: degraded until a replacement qualifies, then rebuilding.
  await expect(kube.pod('cassandra-0')).toContainText(/degraded|rebuilding/);
  await expect(kube.pod('cassandra-0')).toContainText('StatefulSet/cassandra');
  await expect(kube.pod('cassandra-0')).toContainText(`server ${pod.server}`);
  await expect(kube.claim('data-cassandra-0')).toContainText(/degraded|rebuilding/);
  await expect(kube.pod('cassandra-1')).toHaveCount(0);

  const [json] = await Promise.all([page.waitForEvent('download'), incident.exportJson.click()]);
  const report = JSON.parse(await readFile(await json.path(), 'utf8'));
  expect(report.pods).toEqual([
    expect.objectContaining({ cluster: CLUSTER, namespace: 'cassandra', name: 'cassandra-0' }),
  ]);
  expect(report.claims).toEqual([expect.objectContaining({ name: 'data-cassandra-0', volumeId: volume.id })]);

  await kube.pod('cassandra-0').getByRole('link', { name: 'cassandra/cassandra-0' }).click();
  await expect(page).toHaveURL(new RegExp(`/workloads/pods/${CLUSTER}/cassandra/cassandra-0$`));
  await expect(page.getByRole('heading', { level: 1, name: /Pod cassandra-0/ })).toBeVisible();
});

test('Find on the topology takes a pod or a PVC name and outlines the drives under it', async ({ page }) => {
  await signInBrowser(page, server.url, server.admin);
  const topology = new TopologyPage(page);
  await topology.open(server.url);
  await expect(topology.map).toBeVisible();

  await page.keyboard.press('/');
  await expect(topology.find).toBeFocused();
  await page.keyboard.type('cassandra-0');
  const offers = page.getByRole('list', { name: 'Pods and PVCs matching “cassandra-0”' });
  await expect(offers.getByRole('button', { name: /cassandra\/cassandra-0/ })).toBeVisible();
  await expect(offers.getByRole('button', { name: /cassandra\/data-cassandra-0/ })).toBeVisible();
  // Esc closes the offers and leaves the search text.
  await page.keyboard.press('Escape');
  await expect(offers).toHaveCount(0);
  await expect(topology.find).toHaveValue('cassandra-0');

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]pod=simulated%2Fcassandra%2Fcassandra-0/);
  const outlined = page.locator(`[data-highlighted-pod="${CLUSTER}/cassandra/cassandra-0"]`);
  await expect(outlined).toContainText(/Outlined: the \d+ drives? of pod cassandra\/cassandra-0/);
  const selected = new URL(page.url()).searchParams.get('drive') ?? '';
  const panel = topology.drivePanel(selected);
  await expect(panel.getByRole('list', { name: /Pods using drive/ })).toContainText('cassandra/cassandra-0');

  await topology.find.fill('logs-kafka-1');
  const kafka = page.getByRole('list', { name: 'Pods and PVCs matching “logs-kafka-1”' });
  await kafka.getByRole('button', { name: /kafka\/logs-kafka-1/ }).click();
  await expect(page).toHaveURL(/[?&]claim=simulated%2Fkafka%2Flogs-kafka-1/);
  await expect(page).not.toHaveURL(/[?&]pod=/);
  await expect(page.locator(`[data-highlighted-claim="${CLUSTER}/kafka/logs-kafka-1"]`)).toContainText(
    'of PVC kafka/logs-kafka-1',
  );
});

test('the enclosure panel lists the workloads with data in it', async ({ page }) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  await signInBrowser(page, server.url, server.admin);
  const pod = await podWithVolume(api, 'cassandra', 'cassandra-0');
  const volume: Volume = await api.volume(pod.volumeIds[0] ?? '');
  const enclosureId = volume.members[0]?.enclosureId ?? '';
  await page.goto(new URL(`/topology?enclosure=${encodeURIComponent(enclosureId)}`, server.url).toString());
  const workloads = page
    .getByRole('complementary', { name: `Enclosure ${enclosureId}` })
    .getByRole('list', { name: /Workloads with data in/ });
  await expect(
    workloads.locator('[data-workload="simulated/cassandra/StatefulSet/cassandra"]'),
  ).toContainText('cassandra-0');
  await expect(workloads.getByRole('link', { name: 'data-cassandra-0' })).toHaveAttribute(
    'href',
    `/workloads/claims/${CLUSTER}/cassandra/data-cassandra-0`,
  );
});

for (const theme of ['dark', 'light'] as const) {
  test(`the pods in the incident view, the Find offers and the drive panel read well in the ${theme} theme`, async ({
    page,
  }) => {
    await page.addInitScript(`localStorage.setItem('drivebay.theme', '${theme}')`);
    await signInBrowser(page, server.url, server.admin);
    await page.goto(new URL('/incident', server.url).toString());
    await expect(kubeSection(page).pod('cassandra-0')).toBeVisible();
    expect(await seriousAxeFindings(page)).toEqual([]);

    const topology = new TopologyPage(page);
    await topology.open(server.url);
    await topology.find.fill('cassandra');
    await expect(page.getByRole('list', { name: 'Pods and PVCs matching “cassandra”' })).toBeVisible();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(page.getByText(/pods and PVCs match “cassandra”: choose one below/)).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('button', { name: /cassandra\/cassandra-0/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]pod=simulated%2Fcassandra%2Fcassandra-0/);
    await expect(page.getByRole('list', { name: /Pods using drive/ })).toBeVisible();
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
}
