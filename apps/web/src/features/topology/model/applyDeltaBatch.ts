import type { DeltaBatch, TopologyDelta } from '@drivebay/api-types';
import { ModelDraft } from './modelDraft';
import type { TopologyModel } from './topologyModel';

/** What applying a batch leads to: a model (possibly the same one) or a snapshot refetch. */
export type BatchOutcome =
  | { readonly type: 'applied'; readonly model: TopologyModel }
  | { readonly type: 'resync'; readonly reason: 'gap'; readonly expected: number; readonly received: number };

/**
 * Applies one live batch to the model without touching it. Deltas at or below the model's
 * revision were already applied (overlap after a reconnect) and are skipped; a batch that
 * starts after the model's revision means deltas were missed, so the caller must resync.
 */
export function applyDeltaBatch(model: TopologyModel, batch: DeltaBatch): BatchOutcome {
  if (batch.fromRevision > model.revision) {
    return { type: 'resync', reason: 'gap', expected: model.revision, received: batch.fromRevision };
  }
  const draft = new ModelDraft(model);
  let revision = Math.max(model.revision, batch.toRevision);
  for (const delta of batch.deltas) {
    if (delta.revision <= model.revision) continue;
    applyDelta(draft, delta);
    revision = Math.max(revision, delta.revision);
  }
  return { type: 'applied', model: draft.finish(revision) };
}

function applyDelta(draft: ModelDraft, delta: TopologyDelta): void {
  switch (delta.type) {
    case 'site.put':
      draft.putSite(delta.site);
      return;
    case 'rack.put':
      draft.putRack(delta.rack);
      return;
    case 'rack.delete':
      draft.deleteRack(delta.id);
      return;
    case 'enclosure.put':
      draft.putEnclosure(delta.enclosure);
      return;
    case 'enclosure.delete':
      draft.deleteEnclosure(delta.id);
      return;
    case 'drive.put':
      draft.putDrive(delta.drive);
      return;
    case 'drive.delete':
      draft.deleteDrive(delta.id);
      return;
    case 'server.put':
      draft.putServer(delta.server);
      return;
    case 'server.delete':
      draft.deleteServer(delta.id);
      return;
    case 'locate.put':
      draft.putLocate(delta.locate);
      return;
    case 'locate.delete':
      draft.deleteLocate(delta.id);
      return;
    case 'volume.put':
    case 'volume.delete':
    case 'event':
    case 'kube.changed':
    case 'incident.summary':
      // Volumes, domain events, Kubernetes changes and the incident summary feed their own views, not the topology map.
      return;
    default:
      assertNever(delta);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled topology delta: ${JSON.stringify(value)}`);
}
