import { type Cluster, GIB } from '@drivebay/api-types';
import { capacityByTier } from '@drivebay/composer';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { SiteState } from '../site-figures.js';

/** What the scrape reads, besides the site: the change feed, the live clients and the watched clusters. */
export interface ScrapeSources {
  site: () => SiteState;
  /** The mirror's revision and its feed's failure, if it has one. */
  feed: () => { revision: number; error: unknown };
  liveClients: () => number;
  clusters: () => Iterable<Cluster>;
}

const TIERS = { hdd: 'hdd', ssdWhole: 'ssd_whole', ssdSliced: 'ssd_sliced' } as const;

/**
 * The registry `/metrics` serves: prom-client's process and Node metrics, and the site's figures
 * read from the mirror when Prometheus scrapes (no bookkeeping on the write path). Labels are
 * states, media, tiers, layouts and clusters, never drive, enclosure or volume ids: the series
 * count is fixed by the schema (a few dozen), whether the site has 100 drives or 100,000; a
 * per-object question is the API's to answer.
 */
export function siteRegistry(sources: ScrapeSources): Registry {
  const registry = new Registry();
  // Unprefixed, as every Node exporter names them (process_*, nodejs_*), so stock dashboards work.
  collectDefaultMetrics({ register: registry });
  const gauge = (name: string, help: string, labelNames: string[], collect: (g: Gauge) => void) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        collect(this);
      },
    });

  gauge('drivebay_drives', 'Drives by health and media.', ['state', 'media'], (g) => {
    const counts = new Map<string, { state: string; media: string; n: number }>();
    for (const drive of sources.site().inventory.drives.values()) {
      const key = `${drive.health}/${drive.media}`;
      const entry = counts.get(key) ?? { state: drive.health, media: drive.media, n: 0 };
      entry.n += 1;
      counts.set(key, entry);
    }
    // Every state is exported, 0 included, so an alert on "failed > 0" has a series to read.
    for (const state of ['ok', 'degraded', 'failed', 'offline'])
      for (const media of ['hdd', 'ssd']) g.set({ state, media }, counts.get(`${state}/${media}`)?.n ?? 0);
  });

  gauge('drivebay_enclosures', 'Enclosures by state.', ['state'], (g) => {
    const counts = { online: 0, offline: 0 };
    for (const enclosure of sources.site().inventory.enclosures.values()) counts[enclosure.state] += 1;
    for (const [state, n] of Object.entries(counts)) g.set({ state }, n);
  });

  gauge('drivebay_servers', 'Servers by state.', ['state'], (g) => {
    const counts = { up: 0, down: 0, maintenance: 0 };
    for (const server of sources.site().inventory.servers.values()) counts[server.state] += 1;
    for (const [state, n] of Object.entries(counts)) g.set({ state }, n);
  });

  gauge('drivebay_volumes', 'Volumes by health and layout.', ['health', 'layout'], (g) => {
    const counts = new Map<string, number>();
    for (const volume of sources.site().volumes.values()) {
      const key = `${volume.health}\u0000${volume.layout}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const health of ['healthy', 'degraded', 'rebuilding', 'failed']) g.set({ health, layout: 'any' }, 0);
    for (const [key, n] of counts) {
      const [health = '', layout = ''] = key.split('\u0000');
      g.set({ health, layout }, n);
    }
    // "any" sums the layouts, so alerts need no sum() and see 0 when nothing is degraded.
    const byHealth = new Map<string, number>();
    for (const [key, n] of counts) {
      const health = key.split('\u0000')[0] ?? '';
      byHealth.set(health, (byHealth.get(health) ?? 0) + n);
    }
    for (const [health, n] of byHealth) g.set({ health, layout: 'any' }, n);
  });

  gauge(
    'drivebay_capacity_bytes',
    'Raw capacity by tier and kind (used, free, stranded: not held yet unusable).',
    ['tier', 'kind'],
    (g) => {
      const site = sources.site();
      const tiers = capacityByTier(site.inventory, site.allocations);
      for (const [key, tier] of Object.entries(TIERS) as [keyof typeof TIERS, string][]) {
        g.set({ tier, kind: 'used' }, tiers[key].usedBytes);
        g.set({ tier, kind: 'free' }, tiers[key].freeBytes);
        g.set({ tier, kind: 'stranded' }, tiers[key].strandedBytes);
        g.set({ tier, kind: 'total' }, tiers[key].totalBytes);
      }
    },
  );

  const rebuilds = () => {
    let running = 0;
    let bytesLeft = 0;
    let latestEta = 0;
    const site = sources.site();
    for (const volume of site.volumes.values())
      for (const member of volume.members) {
        if (member.state !== 'rebuilding' || !member.rebuild) continue;
        running += 1;
        // A slice copies its extent; a whole drive all of it.
        const capacity = member.slice
          ? member.slice.sizeGiB * GIB
          : (site.inventory.drives.get(member.driveId)?.capacityBytes ?? 0);
        bytesLeft += Math.round(capacity * (1 - member.rebuild.progress));
        latestEta = Math.max(latestEta, Date.parse(member.rebuild.eta) / 1000);
      }
    return { running, bytesLeft, latestEta };
  };
  gauge('drivebay_rebuilds_running', 'Members being rebuilt onto a replacement.', [], (g) =>
    g.set(rebuilds().running),
  );
  gauge('drivebay_rebuild_bytes_remaining', 'Bytes the running rebuilds still have to copy.', [], (g) =>
    g.set(rebuilds().bytesLeft),
  );
  gauge(
    'drivebay_rebuild_eta_timestamp_seconds',
    'When the last running rebuild is expected to finish (Unix time; 0 when none runs).',
    [],
    (g) => g.set(rebuilds().latestEta),
  );

  gauge('drivebay_store_revision', 'The store revision the mirror has applied.', [], (g) =>
    g.set(sources.feed().revision),
  );
  gauge(
    'drivebay_change_feed_up',
    "1 while the mirror follows the store's change feed; 0 while it is failing (the console serves stale state).",
    [],
    (g) => g.set(sources.feed().error === undefined ? 1 : 0),
  );
  gauge('drivebay_live_clients', 'Browsers connected to the live hub.', [], (g) =>
    g.set(sources.liveClients()),
  );
  gauge(
    'drivebay_kubernetes_cluster_watched',
    '1 while the podwatcher follows the cluster (state watching), 0 otherwise.',
    ['cluster', 'state'],
    (g) => {
      for (const cluster of sources.clusters())
        g.set({ cluster: cluster.id, state: cluster.state }, cluster.state === 'watching' ? 1 : 0);
    },
  );
  return registry;
}
