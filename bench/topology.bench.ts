// Large-scale costs on the read path: generating DriveScale's maximum site, the composer's
// first reconciliation of it, and building + compressing the topology snapshot a browser loads.
// Run: npx vitest bench --run --config bench/vitest.bench.config.ts bench/topology.bench.ts
import { gzipSync } from 'node:zlib';
import { TopologySnapshotSchema } from '@drivebay/api-types';
import { generateSite, Inventory, reconcileInventory } from '@drivebay/composer';
import { bench, describe } from 'vitest';
import { buildSnapshot } from '../apps/bff/src/topology/snapshot.js';

const report = generateSite({ scale: 'large', seed: 1 });
const context = { actor: 'bench', now: '2026-11-22T00:00:00.000Z', nextEventId: () => 'ev-bench' };
const inventory = new Inventory();
for (const change of reconcileInventory(inventory, report, context).changes) inventory.apply(change);
const snapshotJson = JSON.stringify(buildSnapshot(inventory, 1));

describe('large site: 100,000 drives, 10,000 servers', () => {
  bench('generateSite(large)', () => {
    generateSite({ scale: 'large', seed: 1 });
  });
  bench('reconcileInventory: first discovery (111k puts)', () => {
    reconcileInventory(new Inventory(), report, context);
  });
  bench('reconcileInventory: rescan with no change', () => {
    reconcileInventory(inventory, report, context);
  });
  bench('buildSnapshot + JSON.stringify + gzip', () => {
    gzipSync(JSON.stringify(buildSnapshot(inventory, 1)));
  });
  bench('client side: JSON.parse + zod parse of the snapshot', () => {
    TopologySnapshotSchema.parse(JSON.parse(snapshotJson));
  });
});

console.log(
  `snapshot: ${(snapshotJson.length / 1e6).toFixed(2)} MB JSON, ${(gzipSync(snapshotJson).length / 1e6).toFixed(2)} MB gzip`,
);
