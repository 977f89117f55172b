import type {
  ComposeResponse,
  PlacementPreview,
  Volume,
  VolumeList,
  VolumeListQuery,
  VolumeRequest,
} from '@drivebay/api-types';
import {
  type AllocationIndex,
  controllerPublish,
  controllerUnpublish,
  createVolume,
  type DecisionContext,
  deleteVolume,
  expandVolume,
  nodePublish,
  nodeStage,
  nodeUnpublish,
  nodeUnstage,
  planExpansion,
  planPlacement,
  type Result,
  sameRecord,
  siteViewOf,
  type Transition,
} from '@drivebay/composer';
import type { VolumeKeys } from '../crypto/volume-keys.js';
import { deleteRecord, putRecord } from '../state/collections.js';
import type { StoreMirror } from '../state/mirror.js';
import type { Operation, StateStore } from '../store/types.js';
import { allocationWrites } from './allocation-keys.js';
import { type Committer, type Decided, nothing } from './committer.js';
import { CommandError } from './errors.js';
import { listVolumes } from './list-volumes.js';

/** A composer Result, or the CommandError the HTTP layer answers with. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new CommandError(result.error.code, result.error.message, result.error.field);
}

/**
 * Volume commands: composition (idempotent by name), the CSI-shaped lifecycle, expansion and
 * deletion. Each decides with the composer against the mirror and commits the volume, its
 * per-drive allocation keys and its events in one transaction.
 */
export class VolumeCommands {
  constructor(
    private readonly committer: Committer,
    private readonly mirror: StoreMirror,
    private readonly store: StateStore,
    private readonly allocations: AllocationIndex,
    private readonly volumeKeys: VolumeKeys,
  ) {}

  /** The dry run: what would be chosen and why; nothing is allocated. */
  async preview(request: VolumeRequest): Promise<PlacementPreview> {
    await this.mirror.caughtUp(await this.store.revision());
    const plan = planPlacement(this.mirror.inventory, this.allocations, request);
    if (!plan.ok) return { feasible: false, error: plan.error };
    const { layout, media, capacityBytes, members, explanation, warnings } = plan.value;
    return {
      feasible: true,
      layout,
      media,
      capacityBytes,
      members: members.map((m) => ({ ...m, state: 'active' as const })),
      explanation,
      warnings,
    };
  }

  /** CreateVolume: the same name and request returns the existing volume and allocates nothing. */
  async compose(request: VolumeRequest, actor: string): Promise<ComposeResponse> {
    const committed = await this.committer.run(actor, (context): Decided<ComposeResponse> => {
      const existing = this.mirror.volumes.volumes.get(request.name);
      if (existing) {
        if (!sameRecord(existing.request, request)) {
          throw new CommandError(
            'ALREADY_EXISTS',
            `volume "${request.name}" already exists with different parameters; use another name or the same request`,
            'name',
          );
        }
        return nothing({ volume: existing, created: false, placement: null });
      }
      const plan = unwrap(planPlacement(this.mirror.inventory, this.allocations, request));
      const encryptionKeyId = request.parameters.encrypt ? this.volumeKeys.keyIdFor(request.name) : null;
      const { volume, events } = createVolume(request, plan, { ...context, encryptionKeyId });
      const placement = { explanation: plan.explanation, warnings: plan.warnings };
      return { writes: this.write(undefined, volume), events, result: { volume, created: true, placement } };
    });
    return committed.result;
  }

  list(query: VolumeListQuery): VolumeList {
    return listVolumes(this.mirror.volumes, query);
  }

  get(id: string): Volume {
    const volume = this.mirror.volumes.volumes.get(id);
    if (!volume) throw new CommandError('NOT_FOUND', `volume "${id}" does not exist`, 'id');
    return volume;
  }

  publish(id: string, serverId: string, actor: string): Promise<Volume> {
    return this.transition(id, actor, (volume, context) => {
      const server = this.mirror.inventory.servers.get(serverId);
      if (!server) throw new CommandError('NOT_FOUND', `server "${serverId}" does not exist`, 'serverId');
      return controllerPublish(volume, server, siteViewOf(this.mirror.inventory), context);
    });
  }

  unpublish(id: string, serverId: string, actor: string): Promise<Volume> {
    return this.transition(id, actor, (volume, context) => controllerUnpublish(volume, serverId, context));
  }

  stage(id: string, stagingPath: string, actor: string): Promise<Volume> {
    return this.transition(id, actor, (volume, context) => nodeStage(volume, stagingPath, context));
  }

  unstage(id: string, stagingPath: string, actor: string): Promise<Volume> {
    return this.transition(id, actor, (volume, context) => nodeUnstage(volume, stagingPath, context));
  }

  nodePublish(id: string, targetPath: string, actor: string): Promise<Volume> {
    return this.transition(id, actor, (volume, context) => nodePublish(volume, targetPath, context));
  }

  nodeUnpublish(id: string, targetPath: string, actor: string): Promise<Volume> {
    return this.transition(id, actor, (volume, context) => nodeUnpublish(volume, targetPath, context));
  }

  /** ControllerExpandVolume for slice volumes, online. */
  expand(id: string, capacityBytes: number, actor: string): Promise<Volume> {
    return this.transition(id, actor, (volume, context) => {
      if (volume.capacityBytes === capacityBytes)
        return { ok: true, value: { volume, events: [], changed: false } };
      const members = unwrap(planExpansion(this.mirror.inventory, this.allocations, volume, capacityBytes));
      return expandVolume(volume, members, capacityBytes, context);
    });
  }

  /** DeleteVolume by reclaim policy: Delete frees the storage, Retain keeps it (Released); purge frees a Released one. */
  async remove(id: string, purge: boolean, actor: string): Promise<{ action: string; volume: Volume }> {
    const committed = await this.committer.run(actor, (context) => {
      const volume = this.get(id);
      const deletion = unwrap(deleteVolume(volume, context, { purge }));
      const result = { action: deletion.action, volume: deletion.volume };
      switch (deletion.action) {
        case 'none':
          return nothing(result);
        case 'release':
          return { writes: this.write(volume, deletion.volume), events: deletion.events, result };
        case 'delete':
          return {
            writes: [
              deleteRecord('volumes', id),
              ...allocationWrites(this.mirror.volumes, volume, undefined),
            ],
            events: deletion.events,
            result,
          };
      }
    });
    return committed.result;
  }

  private async transition(
    id: string,
    actor: string,
    step: (volume: Volume, context: DecisionContext) => Result<Transition>,
  ): Promise<Volume> {
    const committed = await this.committer.run(actor, (context): Decided<Volume> => {
      const volume = this.get(id);
      const transition = unwrap(step(volume, context));
      if (!transition.changed) return nothing(transition.volume);
      return {
        writes: this.write(volume, transition.volume),
        events: transition.events,
        result: transition.volume,
      };
    });
    return committed.result;
  }

  /** The volume record plus the allocation keys of every drive it held or now holds. */
  private write(before: Volume | undefined, after: Volume): Operation[] {
    return [putRecord('volumes', after.id, after), ...allocationWrites(this.mirror.volumes, before, after)];
  }
}
