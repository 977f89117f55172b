import { expect, test } from '@playwright/test';
import { DrivebayApi } from './support/api.js';
import { serverForThisFile } from './support/server.js';
import { signInBrowser } from './support/session.js';

// The built server's hardware comes over Redfish (the simulated site served on loopback): the
// enclosure panel names the service it came from and what the chassis says of itself.

const server = serverForThisFile();

test('the enclosure panel shows its Redfish source: service, resource, hardware and status', async ({
  page,
}) => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  const sources = (await (await api.request('/api/v1/hardware/sources')).json()) as {
    source: string;
    services: { url: string; state: string }[];
  };
  expect(sources.source).toBe('redfish');
  expect(sources.services[0]?.state).toBe('up');
  const topology = (await (await api.request('/api/v1/topology')).json()) as { enclosures: { id: string }[] };
  const enclosureId = topology.enclosures[0]?.id ?? '';

  await signInBrowser(page, server.url, server.admin);
  await page.goto(new URL(`/topology?enclosure=${encodeURIComponent(enclosureId)}`, server.url).toString());
  const source = page
    .getByRole('complementary', { name: `Enclosure ${enclosureId}` })
    .getByRole('region', { name: 'Hardware source' });
  await expect(source).toContainText(sources.services[0]?.url ?? '');
  await expect(source).toContainText(`/redfish/v1/Chassis/${enclosureId}`);
  await expect(source).toContainText('Firmware');
  await expect(source).toContainText('Enabled, OK');
  for (const width of [1024, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    // The panel scrolls on its own: bring the source into view for the picture.
    await source.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `.cache/screenshots/enclosure-hardware-source-${width}.png` });
  }
});
