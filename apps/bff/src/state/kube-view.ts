import type { Claim, Cluster, KubeNode, Pod } from '@drivebay/api-types';
import { indexUnder } from '@drivebay/composer';
import type { TypedChange } from './collections.js';
import type { MirroredView } from './mirror.js';

/**
 * The mirrored podwatcher records, by id (`<cluster>/<namespace>/<name>`, nodes
 * `<cluster>/<name>`), with the indexes the console asks by: pods and claims of a composer
 * volume. Kept current by the change feed like every other view, so each replica answers the
 * same, whichever replica's podwatcher wrote them.
 */
export class KubeView implements MirroredView {
  readonly clusters = new Map<string, Cluster>();
  readonly nodes = new Map<string, KubeNode>();
  readonly claims = new Map<string, Claim>();
  readonly pods = new Map<string, Pod>();
  private readonly podsByVolume = new Map<string, Set<string>>();
  private readonly claimsByVolume = new Map<string, Set<string>>();

  mirror(typed: TypedChange): void {
    switch (typed.name) {
      case 'clusters': {
        const { change } = typed;
        if (change.type === 'put') this.clusters.set(change.id, change.value);
        else this.clusters.delete(change.id);
        return;
      }
      case 'nodes': {
        const { change } = typed;
        if (change.type === 'put') this.nodes.set(change.id, change.value);
        else this.nodes.delete(change.id);
        return;
      }
      case 'claims': {
        const { change } = typed;
        const before = this.claims.get(change.id);
        if (before?.volumeId) this.claimsByVolume.get(before.volumeId)?.delete(change.id);
        if (change.type === 'delete') {
          this.claims.delete(change.id);
          return;
        }
        this.claims.set(change.id, change.value);
        if (change.value.volumeId) indexUnder(this.claimsByVolume, change.value.volumeId, change.id);
        return;
      }
      case 'pods': {
        const { change } = typed;
        for (const volumeId of this.pods.get(change.id)?.volumeIds ?? [])
          this.podsByVolume.get(volumeId)?.delete(change.id);
        if (change.type === 'delete') {
          this.pods.delete(change.id);
          return;
        }
        this.pods.set(change.id, change.value);
        for (const volumeId of change.value.volumeIds) indexUnder(this.podsByVolume, volumeId, change.id);
        return;
      }
      default:
        return;
    }
  }

  heldIds(): Iterable<string> {
    return [];
  }

  podsOfVolume(volumeId: string): Pod[] {
    return [...(this.podsByVolume.get(volumeId) ?? [])].flatMap((id) => this.pods.get(id) ?? []);
  }

  claimsOfVolume(volumeId: string): Claim[] {
    return [...(this.claimsByVolume.get(volumeId) ?? [])].flatMap((id) => this.claims.get(id) ?? []);
  }

  /** Ids of one cluster's records, by kind: what a full comparison deletes when the cluster no longer shows them. */
  idsOf(cluster: string): { nodes: string[]; claims: string[]; pods: string[] } {
    const prefix = `${cluster}/`;
    const of = (map: Map<string, unknown>) => [...map.keys()].filter((id) => id.startsWith(prefix));
    return { nodes: of(this.nodes), claims: of(this.claims), pods: of(this.pods) };
  }
}
