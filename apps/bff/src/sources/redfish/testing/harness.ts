import {
  type HardwareObservation,
  HardwareObservationSchema,
  type InventoryReport,
} from '@drivebay/api-types';
import { Inventory } from '@drivebay/composer';
import type { Logger } from '../../../log.js';
import { captureLog as captureLines } from '../../../testing/log-capture.js';
import { type RedfishEndpoint, RedfishHardwareSource, type RedfishSourceOptions } from '../source.js';

/** Every line the source logged, as text, to search for what must (not) be there. */
export function captureLog(): Logger & { lines: string[] } {
  const { log, lines } = captureLines();
  return { ...log, lines };
}

/** Fast timings, so tests wait milliseconds for what production waits seconds for. */
export const fastFollow = {
  pollIntervalMs: 40,
  coalesceMs: 20,
  reconnectInitialMs: 20,
  reconnectMaxMs: 100,
  connectTimeoutMs: 1_000,
};

export const fastRetry = { timeoutMs: 500, retries: 2, backoffMs: 10, maxConcurrent: 8 };

/** A source over `endpoints`, whose sink records every observation (checked against its schema). */
export async function startSource(
  endpoints: RedfishEndpoint[],
  options: Partial<RedfishSourceOptions> = {},
): Promise<{
  source: RedfishHardwareSource;
  observed: HardwareObservation[];
  log: ReturnType<typeof captureLog>;
}> {
  const log = captureLog();
  const observed: HardwareObservation[] = [];
  const source = new RedfishHardwareSource({
    endpoints,
    site: { id: 'site-default', name: 'Default site' },
    log,
    ...options,
    retry: { ...fastRetry, ...options.retry },
    follow: { ...fastFollow, ...options.follow },
  });
  await source.start(async (observation) => {
    observed.push(HardwareObservationSchema.parse(observation));
    return { revision: observed.length, events: [] };
  });
  return { source, observed, log };
}

/** The enclosure reports in what was observed, flattened, latest last. */
export function enclosureReports(observed: readonly HardwareObservation[]) {
  return observed.flatMap((o) => (o.type === 'enclosure' ? [o] : o.type === 'enclosures' ? o.reports : []));
}

/** The stored inventory an inventory report leaves behind, as the app hands it to a source at start. */
export function inventoryOf(report: InventoryReport): Inventory {
  const inventory = new Inventory();
  inventory.apply({ kind: 'site', op: 'put', value: report.site });
  for (const value of report.racks) inventory.apply({ kind: 'rack', op: 'put', value });
  for (const { enclosure, drives } of report.enclosures) {
    inventory.apply({ kind: 'enclosure', op: 'put', value: enclosure });
    for (const value of drives) inventory.apply({ kind: 'drive', op: 'put', value });
  }
  for (const value of report.servers) inventory.apply({ kind: 'server', op: 'put', value });
  return inventory;
}
