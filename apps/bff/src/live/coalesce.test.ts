import type { TopologyDelta } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { coalesceKubeSignals } from './hub.js';

describe('kube.changed signals in a batch', () => {
  it('keep the last one per cluster and kind, and every other delta in order', () => {
    const kube = (revision: number, cluster: string, kind: 'pods' | 'claims'): TopologyDelta => ({
      revision,
      type: 'kube.changed',
      cluster,
      kind,
    });
    const volumeGone: TopologyDelta = { revision: 3, type: 'volume.delete', id: 'v1' };
    const deltas = [
      kube(1, 'a', 'pods'),
      kube(2, 'a', 'claims'),
      volumeGone,
      kube(4, 'a', 'pods'),
      kube(5, 'b', 'pods'),
    ];
    expect(coalesceKubeSignals(deltas)).toEqual([
      kube(2, 'a', 'claims'),
      volumeGone,
      kube(4, 'a', 'pods'),
      kube(5, 'b', 'pods'),
    ]);
    expect(coalesceKubeSignals([volumeGone])).toEqual([volumeGone]);
  });
});
