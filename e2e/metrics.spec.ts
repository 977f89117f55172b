import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { DrivebayApi } from './support/api.js';
import { alertHolds, parseScrape } from './support/promql.js';
import { serverForThisFile } from './support/server.js';

// What Prometheus sees of a drive failing: the built server scraped with a read token, before and
// after a `drive-fail` fault, and the shipped alert rule's expression evaluated on each scrape.
const server = serverForThisFile({ workloads: false });

const rules = (
  parse(readFileSync('deploy/prometheus/rules.yaml', 'utf8')) as {
    groups: { rules: { alert: string; expr: string }[] }[];
  }
).groups.flatMap((g) => g.rules);
const expression = (alert: string) => {
  const rule = rules.find((r) => r.alert === alert);
  if (!rule) throw new Error(`no rule ${alert} in deploy/prometheus/rules.yaml`);
  return rule.expr;
};

test('a failed drive shows in /metrics and makes the DrivebayDriveFailed rule true', async () => {
  const api = await DrivebayApi.signIn(server.url, server.admin);
  const token = await api.createToken({ name: 'e2e-prometheus', scopes: ['read'], expiresInDays: 1 });
  const scrape = async () => {
    const response = await fetch(new URL('/metrics', server.url), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return response.text();
  };
  const failedDrives = (text: string) =>
    parseScrape(text)
      .filter((s) => s.name === 'drivebay_drives' && s.labels.state === 'failed')
      .reduce((sum, s) => sum + s.value, 0);

  // A mirror whose drive will fail, so that a volume is affected too.
  const { volume } = await api.compose({
    name: 'e2e-metrics-mirror',
    capacityBytes: 100_000_000_000,
    parameters: { type: 'hdd', redundancy: true },
  });
  const quiet = await scrape();
  expect(failedDrives(quiet)).toBe(0);
  expect(alertHolds(expression('DrivebayDriveFailed'), quiet)).toBe(false);

  await api.inject({ kind: 'drive-fail', driveId: volume.members[0]?.driveId ?? '' });
  const failed = await scrape();
  expect(failedDrives(failed)).toBe(1);
  expect(alertHolds(expression('DrivebayDriveFailed'), failed)).toBe(true);
  // The mirror lost a copy: degraded, or already rebuilding onto a replacement — either way not healthy.
  const unhealthy = parseScrape(failed).filter(
    (s) => s.name === 'drivebay_volumes' && s.labels.layout === 'any' && s.labels.health !== 'healthy',
  );
  expect(unhealthy.reduce((sum, s) => sum + s.value, 0)).toBeGreaterThanOrEqual(1);
  expect(alertHolds(expression('DrivebayEnclosureOffline'), failed)).toBe(false);
});
