import type {
  AvailableCapacity,
  ComposeResponse,
  CsiFailure,
  PlacementPreview,
  StorageClassParameters,
  Volume,
  VolumeList,
  VolumeListQuery,
  VolumeRequest,
} from '@drivebay/api-types';
import {
  type AllocationIndex,
  availableCapacity,
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
import { type Instruments, noInstruments, secondsSince } from '../metrics/prometheus/instruments.js';
import { deleteRecord, putRecord } from '../state/collections.js';
import type { StoreMirror } from '../state/mirror.js';
import type { Operation, StateStore } from '../store/types.js';
import { allocationWrites } from './allocation-keys.js';
import { type Committer, type Decided, nothing } from './committer.js';
import { CommandError } from './errors.js';
import { listVolumes } from './list-volumes.js';

/** The volume with the CSI call that changed it recorded, when a CSI plugin made the call. */
function withCsiCall(volume: Volume, csiRpc: string | undefined, context: DecisionContext): Volume {
  if (!csiRpc) return volume;
  return {
    ...volume,
    csi: {
      lastCall: { rpc: csiRpc, at: context.now, actor: context.actor },
      lastError: volume.csi?.lastError ?? null,
    },
  };
}

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
    private readonly instruments: Instruments = noInstruments,
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
  async compose(request: VolumeRequest, actor: string, csiRpc?: string): Promise<ComposeResponse> {
    const started = performance.now();
    try {
      const response = await this.decideComposition(request, actor, csiRpc);
      this.instruments.composed(secondsSince(started), 'OK');
      return response;
    } catch (error) {
      this.instruments.composed(
        secondsSince(started),
        error instanceof CommandError ? error.code : 'INTERNAL',
      );
      throw error;
    }
  }

  private async decideComposition(
    request: VolumeRequest,
    actor: string,
    csiRpc: string | undefined,
  ): Promise<ComposeResponse> {
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
      const created = createVolume(request, plan, { ...context, encryptionKeyId });
      const { events } = created;
      const volume = withCsiCall(created.volume, csiRpc, context);
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

  /** CSI GetCapacity: what volumes of these parameters could still get. */
  async capacity(parameters: StorageClassParameters): Promise<AvailableCapacity> {
    await this.mirror.caughtUp(await this.store.revision());
    const report = availableCapacity(this.mirror.inventory, this.allocations, parameters);
    return { ...report, availableBytes: report.availableBytes.toString() };
  }

  publish(id: string, serverId: string, actor: string, csiRpc?: string): Promise<Volume> {
    return this.transition(id, actor, csiRpc, (volume, context) => {
      const server = this.mirror.inventory.servers.get(serverId);
      if (!server) throw new CommandError('NOT_FOUND', `server "${serverId}" does not exist`, 'serverId');
      return controllerPublish(volume, server, siteViewOf(this.mirror.inventory), context);
    });
  }

  unpublish(id: string, serverId: string, actor: string, csiRpc?: string): Promise<Volume> {
    return this.transition(id, actor, csiRpc, (volume, context) =>
      // A server gone from the inventory is as down as one that reports so.
      controllerUnpublish(
        volume,
        serverId,
        context,
        this.mirror.inventory.servers.get(serverId)?.state ?? 'down',
      ),
    );
  }

  stage(id: string, stagingPath: string, actor: string, csiRpc?: string): Promise<Volume> {
    return this.transition(id, actor, csiRpc, (volume, context) => nodeStage(volume, stagingPath, context));
  }

  unstage(id: string, stagingPath: string, actor: string, csiRpc?: string): Promise<Volume> {
    return this.transition(id, actor, csiRpc, (volume, context) => nodeUnstage(volume, stagingPath, context));
  }

  nodePublish(id: string, targetPath: string, actor: string, csiRpc?: string): Promise<Volume> {
    return this.transition(id, actor, csiRpc, (volume, context) => nodePublish(volume, targetPath, context));
  }

  nodeUnpublish(id: string, targetPath: string, actor: string, csiRpc?: string): Promise<Volume> {
    return this.transition(id, actor, csiRpc, (volume, context) =>
      nodeUnpublish(volume, targetPath, context),
    );
  }

  /** ControllerExpandVolume for slice volumes, online. */
  expand(id: string, capacityBytes: number, actor: string, csiRpc?: string): Promise<Volume> {
    return this.transition(id, actor, csiRpc, (volume, context) => {
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

  /**
   * Records on the volume a CSI call that failed (the composer refused it, or the node plugin
   * reports a host step): the volume's page shows the last error. A repeat of the same failure
   * (the CO retries with backoff) counts up instead of adding anything.
   */
  async recordCsiFailure(
    id: string,
    failure: Pick<CsiFailure, 'rpc' | 'code' | 'message' | 'origin'>,
    actor: string,
  ): Promise<void> {
    await this.committer.run(actor, (context) => {
      const volume = this.mirror.volumes.volumes.get(id);
      if (!volume) return nothing(undefined);
      const last = volume.csi?.lastError;
      const repeat =
        last?.rpc === failure.rpc && last.code === failure.code && last.message === failure.message;
      const lastError: CsiFailure = {
        ...failure,
        at: context.now,
        actor,
        count: repeat ? last.count + 1 : 1,
      };
      const next: Volume = { ...volume, csi: { lastCall: volume.csi?.lastCall ?? null, lastError } };
      return { writes: [putRecord('volumes', id, next)], events: [], result: undefined };
    });
  }

  private async transition(
    id: string,
    actor: string,
    csiRpc: string | undefined,
    step: (volume: Volume, context: DecisionContext) => Result<Transition>,
  ): Promise<Volume> {
    try {
      const committed = await this.committer.run(actor, (context): Decided<Volume> => {
        const volume = this.get(id);
        const transition = unwrap(step(volume, context));
        if (!transition.changed) return nothing(transition.volume);
        const next = withCsiCall(transition.volume, csiRpc, context);
        return { writes: this.write(volume, next), events: transition.events, result: next };
      });
      return committed.result;
    } catch (error) {
      if (csiRpc && error instanceof CommandError && error.code !== 'UNAVAILABLE')
        await this.recordCsiFailure(
          id,
          { rpc: csiRpc, code: error.code, message: error.message, origin: 'drivebay' },
          actor,
        ).catch(() => undefined); // the caller's answer is the refusal, recorded or not
      throw error;
    }
  }

  /** The volume record plus the allocation keys of every drive it held or now holds. */
  private write(before: Volume | undefined, after: Volume): Operation[] {
    return [putRecord('volumes', after.id, after), ...allocationWrites(this.mirror.volumes, before, after)];
  }
}
