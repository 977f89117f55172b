import { GIB } from '@drivebay/api-types';
import type { DrivebayApi } from './api.js';

/**
 * Something on every page: a mirrored volume, a slice, and a failed drive (so the incident banner
 * shows and a rebuild runs), a second user and an API token (so their tables show). Run once per
 * server, before visiting the pages below.
 */
export async function seedEveryPage(api: DrivebayApi): Promise<void> {
  await api.createUser('e2e-pages-viewer', 'viewer', 'e2e-pages-viewer-password');
  await api.createToken({ name: 'e2e-pages-nightly-backup', scopes: ['read', 'write'], expiresInDays: 30 });
  const { volume } = await api.compose({
    name: 'e2e-pages-mirror',
    capacityBytes: 2_000_000_000_000,
    parameters: { type: 'hdd', redundancy: true },
  });
  await api.compose({ name: 'e2e-pages-slice', capacityBytes: 20 * GIB, parameters: { type: 'slice' } });
  await api.inject({ kind: 'drive-fail', driveId: volume.members[0]?.driveId ?? '' });
}

/** A console page: a short name (for screenshots), its path, its heading, and a text that shows it loaded its data. */
export interface ConsolePage {
  readonly name: string;
  readonly path: string;
  readonly heading: string;
  /** A text only the loaded page shows (not its loading state); null when the heading is enough. */
  readonly loaded: string | null;
  /** The heading of a part that loads after the rest, when there is one (the layout is judged once it is in). */
  readonly lastPart?: string;
}

/** Every page of the console, as seeded by seedEveryPage (the server runs with simulated workloads). */
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  // The history charts load after the cards, with their own chunk.
  { name: 'overview', path: '/', heading: 'Overview', loaded: 'Capacity by tier', lastPart: 'History' },
  { name: 'topology', path: '/topology', heading: 'Topology', loaded: null },
  { name: 'volumes', path: '/volumes', heading: 'Volumes', loaded: 'e2e-pages-mirror' },
  {
    name: 'volume-detail',
    path: '/volumes/e2e-pages-mirror',
    heading: 'Volume e2e-pages-mirror',
    loaded: 'Layout',
  },
  { name: 'slices', path: '/slices', heading: 'Slices', loaded: 'Largest gap GiB' },
  { name: 'workloads', path: '/workloads', heading: 'Workloads', loaded: 'StatefulSet/cassandra' },
  { name: 'workloads-pods', path: '/workloads?tab=pods', heading: 'Workloads', loaded: 'cassandra-0' },
  {
    name: 'pod-detail',
    path: '/workloads/pods/simulated/cassandra/cassandra-0',
    heading: 'Pod cassandra-0',
    loaded: 'data-cassandra-0',
  },
  {
    name: 'claim-detail',
    path: '/workloads/claims/simulated/cassandra/data-cassandra-0',
    heading: 'PVC data-cassandra-0',
    loaded: 'Member state',
  },
  { name: 'events', path: '/events', heading: 'Events', loaded: 'events shown' },
  { name: 'incident', path: '/incident', heading: 'Incident', loaded: 'Volumes that lost redundancy' },
  { name: 'audit', path: '/audit', heading: 'Audit', loaded: 'POST /api/v1/volumes' },
  { name: 'users', path: '/admin/users', heading: 'Users', loaded: 'e2e-pages-viewer' },
  { name: 'account', path: '/account', heading: 'Account', loaded: null },
  { name: 'tokens', path: '/account/tokens', heading: 'API tokens', loaded: 'e2e-pages-nightly-backup' },
];
