import type { DomainEvent, Volume, VolumeRequest } from '@drivebay/api-types';
import type { DecisionContext } from '../../inventory/decision.js';
import type { PlacementPlan } from '../types.js';
import { formatBytes, volumeEvent } from './transition.js';

/** The context createVolume needs: the decision's own, plus the id of the volume's key (never the key). */
export type CreateContext = DecisionContext & { encryptionKeyId: string | null };

/** The logical node DriveScale creates for each PV (seed 002, slide 27): one per volume. */
export function logicalNodeFor(name: string): string {
  return `ln-${name}`;
}

/**
 * Turns a placement plan into a new volume: Created, healthy, every member active. The request
 * name is the id, so a repeated CreateVolume finds the same record (placement checks that).
 * Throws on a plan without members or a key id that contradicts `encrypt`: those are caller bugs.
 */
export function createVolume(
  request: VolumeRequest,
  plan: PlacementPlan,
  context: CreateContext,
): { volume: Volume; events: DomainEvent[] } {
  if (plan.members.length === 0) throw new Error(`createVolume(${request.name}): the plan has no members`);
  const encrypt = request.parameters.encrypt;
  if (encrypt !== (context.encryptionKeyId !== null))
    throw new Error(
      `createVolume(${request.name}): encrypt is ${encrypt} but the key id is ${context.encryptionKeyId === null ? 'missing' : 'set'}`,
    );
  const volume: Volume = {
    id: request.name,
    name: request.name,
    cluster: request.cluster,
    logicalNode: logicalNodeFor(request.name),
    request,
    layout: plan.layout,
    media: plan.media,
    capacityBytes: plan.capacityBytes,
    members: plan.members.map((member) => ({ ...member, state: 'active' as const })),
    transport: null,
    lifecycle: 'Created',
    health: 'healthy',
    server: null,
    stagingPath: null,
    targetPaths: [],
    encryptionKeyId: context.encryptionKeyId,
    createdAt: context.now,
    updatedAt: context.now,
  };
  const kind = request.parameters.type === 'slice' ? 'ssd slice' : plan.media;
  const count = plan.members.length;
  const message =
    `Volume ${volume.name} created: ${plan.layout}, ${formatBytes(plan.capacityBytes)}, ` +
    `${count} ${kind} member${count === 1 ? '' : 's'}${encrypt ? ', encrypted' : ''}, logical node ${volume.logicalNode}`;
  return { volume, events: [volumeEvent(context, volume, 'VolumeCreated', 'info', message)] };
}
