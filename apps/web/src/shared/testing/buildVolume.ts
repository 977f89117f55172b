import {
  type DomainEvent,
  StorageClassParametersSchema,
  type TopologyDelta,
  type Volume,
  type VolumeMember,
} from '@drivebay/api-types';

/** An active whole-drive member of set 0, copy 0. */
export function buildMember(overrides: Partial<VolumeMember> = {}): VolumeMember {
  return {
    driveId: 'drive-1',
    enclosureId: 'enc-1',
    storageGroup: 'sg-a',
    set: 0,
    copy: 0,
    state: 'active',
    ...overrides,
  };
}

/** A healthy, published single-drive HDD volume; override what the test is about. */
export function buildVolume(overrides: Partial<Volume> = {}): Volume {
  const name = overrides.name ?? overrides.id ?? 'pvc-1';
  return {
    id: name,
    name,
    cluster: 'default',
    logicalNode: `ln-${name}`,
    request: {
      name,
      capacityBytes: 100_000_000_000,
      reclaimPolicy: 'Delete',
      volumeMode: 'Filesystem',
      cluster: 'default',
      parameters: StorageClassParametersSchema.parse({}),
    },
    layout: 'single',
    media: 'hdd',
    capacityBytes: 12_000_000_000_000,
    members: [buildMember()],
    transport: 'iscsi',
    lifecycle: 'NodePublished',
    health: 'healthy',
    server: 'server-1',
    stagingPath: '/var/lib/kubelet/staging/pvc-1',
    targetPaths: ['/var/lib/kubelet/pods/abc/volumes/pvc-1'],
    encryptionKeyId: null,
    createdAt: '2025-06-01T10:00:00.000Z',
    updatedAt: '2025-06-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A domain event about a volume. */
export function buildVolumeEvent(overrides: Partial<DomainEvent> = {}): DomainEvent {
  return {
    id: 'ev-1',
    type: 'VolumeCreated',
    severity: 'info',
    at: '2025-06-01T10:00:00.000Z',
    actor: 'user:anonymous',
    subject: { kind: 'volume', id: 'pvc-1' },
    message: 'Volume pvc-1 created',
    ...overrides,
  };
}

/** Shorthands for volume deltas in reducer tests. */
export const volumeDelta = {
  put: (revision: number, volume: Volume): TopologyDelta => ({ revision, type: 'volume.put', volume }),
  remove: (revision: number, id: string): TopologyDelta => ({ revision, type: 'volume.delete', id }),
  event: (revision: number, event: DomainEvent): TopologyDelta => ({ revision, type: 'event', event }),
};
