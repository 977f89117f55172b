import type { DomainEvent } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildVolume } from '../../../shared/testing/buildVolume';
import { csiCalls, csiPath, lastCsiError } from './csiView';

const event = (type: DomainEvent['type'], at: string): DomainEvent =>
  ({
    id: at,
    type,
    severity: 'info',
    at,
    actor: 'token:tok-1 (csi)',
    subject: { kind: 'volume', id: 'pvc-1' },
    message: type,
  }) as DomainEvent;

describe('the CSI view of a volume', () => {
  it('names the RPC behind each lifecycle event and skips the rest', () => {
    const calls = csiCalls([
      event('VolumeNodePublished', '4'),
      event('RebuildStarted', '3'),
      event('VolumeStaged', '2'),
      event('VolumeCreated', '1'),
    ]);
    expect(calls.map((c) => c.rpc)).toEqual(['NodePublishVolume', 'NodeStageVolume', 'CreateVolume']);
  });

  it('places the volume on the path and says where each step happened', () => {
    const volume = buildVolume({
      lifecycle: 'NodeStaged',
      server: 'srv-1',
      transport: 'roce',
      stagingPath: '/var/lib/kubelet/plugins/x/globalmount',
      targetPaths: [],
    });
    expect(csiPath(volume).map((s) => [s.rpc, s.state, s.where])).toEqual([
      ['CreateVolume', 'done', `PV ${volume.name}`],
      ['ControllerPublishVolume', 'done', 'server srv-1 over roce'],
      ['NodeStageVolume', 'current', '/var/lib/kubelet/plugins/x/globalmount'],
      ['NodePublishVolume', 'pending', undefined],
    ]);
  });

  it('holds the last error as current until a later call changes the volume', () => {
    const error = {
      rpc: 'NodeStageVolume',
      code: 'INTERNAL',
      message: 'mount failed',
      origin: 'node' as const,
      at: '2026-12-03T10:00:00.000Z',
      actor: 'x',
      count: 3,
    };
    const failing = buildVolume({
      csi: {
        lastCall: { rpc: 'ControllerPublishVolume', at: '2026-12-03T09:00:00.000Z', actor: 'x' },
        lastError: error,
      },
    });
    expect(lastCsiError(failing)).toEqual({ error, current: true });
    const recovered = buildVolume({
      csi: {
        lastCall: { rpc: 'NodeStageVolume', at: '2026-12-03T11:00:00.000Z', actor: 'x' },
        lastError: error,
      },
    });
    expect(lastCsiError(recovered)?.current).toBe(false);
    expect(lastCsiError(buildVolume({}))).toBeNull();
  });
});
