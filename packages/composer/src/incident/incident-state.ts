import type { Claim, Pod, Volume } from '@drivebay/api-types';
import type { Inventory } from '../inventory/inventory.js';

/** What an incident is read from: the site, its unhealthy volumes, and who uses them. */
export interface IncidentState {
  revision: number;
  inventory: Inventory;
  /** Volumes whose health is not healthy (an index, so no walk over every volume). */
  unhealthyVolumes: Iterable<Volume>;
  podsOfVolume(volumeId: string): readonly Pod[];
  claimsOfVolume(volumeId: string): readonly Claim[];
  clustersWatched: number;
}
