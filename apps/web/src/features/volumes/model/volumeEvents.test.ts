import { describe, expect, it } from 'vitest';
import { buildVolumeEvent, volumeDelta } from '../../../shared/testing/buildVolume';
import { prependVolumeEvents } from './volumeEvents';

describe('prependVolumeEvents', () => {
  const older = buildVolumeEvent({ id: 'ev-1' });
  const list = { events: [older], hasOlder: false };

  it('prepends the volume’s new events, newest first, with their revision', () => {
    const degraded = buildVolumeEvent({ id: 'ev-2', type: 'VolumeDegraded', severity: 'warning' });
    const rebuild = buildVolumeEvent({ id: 'ev-3', type: 'RebuildStarted' });
    const next = prependVolumeEvents(
      list,
      [volumeDelta.event(20, degraded), volumeDelta.event(21, rebuild)],
      'pvc-1',
    );
    expect(next.events.map((e) => e.id)).toEqual(['ev-3', 'ev-2', 'ev-1']);
    expect(next.events[0]?.revision).toBe(21);
  });

  it('skips other subjects, duplicates and non-event deltas', () => {
    const same = prependVolumeEvents(
      list,
      [
        volumeDelta.event(20, buildVolumeEvent({ id: 'ev-9', subject: { kind: 'volume', id: 'pvc-2' } })),
        volumeDelta.event(21, buildVolumeEvent({ id: 'ev-8', subject: { kind: 'drive', id: 'pvc-1' } })),
        volumeDelta.event(22, older),
        volumeDelta.remove(23, 'pvc-1'),
      ],
      'pvc-1',
    );
    expect(same).toBe(list);
  });
});
