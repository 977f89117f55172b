import { quantityBytes } from '@drivebay/api-types';
import { type KubeObject, kubeTime } from '../kube-api/index.js';
import { type EventSource, involvedObject } from './events.js';
import { binaryQuantity } from './quantity.js';
import { PROVISIONER } from './seed-cluster.js';
import type { SimContext } from './sim-context.js';
import { claimRef, specOf, statusOf } from './sim-objects.js';

/** The claim condition by which the external-resizer hands the filesystem's growth to the kubelet. */
export const FS_RESIZE_PENDING = 'FileSystemResizePending';

/** A claim's requested storage and the capacity it has, in bytes (undefined when unreadable). */
export function claimSizes(claim: KubeObject): { requested?: number; capacity?: number } {
  const requested = (specOf(claim).resources as { requests?: { storage?: string } } | undefined)?.requests
    ?.storage;
  const capacity = (statusOf(claim).capacity as { storage?: string } | undefined)?.storage;
  return {
    requested: requested === undefined ? undefined : (quantityBytes(String(requested)) ?? undefined),
    capacity: capacity === undefined ? undefined : (quantityBytes(String(capacity)) ?? undefined),
  };
}

/**
 * The CSI external-resizer of the simulated cluster: a bound claim whose request grew past its
 * capacity gets ControllerExpandVolume; the PV takes the capacity Drivebay answered, and when the
 * filesystem must grow too the claim waits (FileSystemResizePending) for the kubelet's
 * NodeExpandVolume. A refusal (whole-drive volumes do not grow) is an Event, tried again later.
 */
export class Resizer {
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly source: EventSource) {}

  async run(ctx: SimContext): Promise<void> {
    for (const claim of ctx.store.list('persistentvolumeclaims')) {
      const pvName = specOf(claim).volumeName as string | undefined;
      if (!pvName || claim.metadata.deletionTimestamp || hasCondition(claim, FS_RESIZE_PENDING)) continue;
      const { requested, capacity } = claimSizes(claim);
      if (requested === undefined || capacity === undefined || requested <= capacity) continue;
      const pv = ctx.store.get('persistentvolumes', { name: pvName });
      const csi = pv ? (specOf(pv).csi as { driver?: string; volumeHandle?: string } | undefined) : undefined;
      if (!pv || csi?.driver !== PROVISIONER || !csi.volumeHandle) continue;
      const key = `${claim.metadata.namespace}/${claim.metadata.name}@${requested}`;
      const failedAt = this.failedAt.get(key);
      if (failedAt !== undefined && ctx.now() - failedAt < ctx.options.provisionRetryMs) continue;
      await this.expand(ctx, claim, pv, csi.volumeHandle, requested, key);
    }
  }

  private async expand(
    ctx: SimContext,
    claim: KubeObject,
    pv: KubeObject,
    handle: string,
    requested: number,
    key: string,
  ): Promise<void> {
    ctx.events.record(
      this.source,
      involvedObject(claim),
      'Normal',
      'Resizing',
      `External resizer is resizing volume ${pv.metadata.name}`,
    );
    let answer: { capacityBytes: number; nodeExpansionRequired: boolean };
    try {
      answer = await ctx.csi.controllerExpand(
        handle,
        requested,
        specOf(pv).volumeMode === 'Block' ? 'block' : 'mount',
      );
    } catch (error) {
      this.failedAt.set(key, ctx.now());
      ctx.events.record(
        this.source,
        involvedObject(claim),
        'Warning',
        'VolumeResizeFailed',
        `resize volume "${pv.metadata.name}" by resizer "${PROVISIONER}" failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    this.failedAt.delete(key);
    const storage = binaryQuantity(answer.capacityBytes);
    ctx.store.update('persistentvolumes', { name: pv.metadata.name }, (current) => ({
      ...current,
      spec: { ...specOf(current), capacity: { storage } },
    }));
    if (answer.nodeExpansionRequired) {
      setClaimStatus(ctx, claim, {
        allocatedResources: { storage },
        conditions: [
          {
            type: FS_RESIZE_PENDING,
            status: 'True',
            lastTransitionTime: kubeTime(ctx.now()),
            message: 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.',
          },
        ],
      });
      ctx.events.record(
        this.source,
        involvedObject(claim),
        'Normal',
        'FileSystemResizeRequired',
        'Require file system resize of volume on node',
      );
    } else {
      setClaimStatus(ctx, claim, { capacity: { storage }, allocatedResources: { storage }, conditions: [] });
      ctx.events.record(
        this.source,
        involvedObject(claim),
        'Normal',
        'VolumeResizeSuccessful',
        'Resize volume succeeded',
      );
    }
  }
}

export function hasCondition(claim: KubeObject, type: string): boolean {
  return ((statusOf(claim).conditions as { type: string }[] | undefined) ?? []).some((c) => c.type === type);
}

/** Merges `status` into the claim's status; an empty `conditions` removes them. */
export function setClaimStatus(ctx: SimContext, claim: KubeObject, status: Record<string, unknown>): void {
  ctx.store.update('persistentvolumeclaims', claimRef(claim), (current) => {
    const next: Record<string, unknown> = { ...statusOf(current), ...status };
    if (Array.isArray(next.conditions) && next.conditions.length === 0) delete next.conditions;
    return { ...current, status: next };
  });
}

/** How the external-resizer signs its Events. */
export const RESIZER_SOURCE: EventSource = { component: `external-resizer ${PROVISIONER}` };
