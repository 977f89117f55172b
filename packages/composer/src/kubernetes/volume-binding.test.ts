import { describe, expect, it } from 'vitest';
import { buildClaim, buildPod, buildVolume } from '../testing/builders.js';
import { bindingOf, rebindVolumes } from './volume-binding.js';

describe('volume bindings', () => {
  it('names the PVC and the workload of the pods mounting it', () => {
    expect(bindingOf([buildClaim()], [buildPod(), buildPod({ name: 'other', claims: ['x'] })])).toEqual({
      cluster: 'sim',
      namespace: 'cassandra',
      claim: 'data-cassandra-0',
      workload: 'StatefulSet/cassandra',
      pods: ['cassandra-0'],
    });
    expect(bindingOf([], [buildPod()])).toBeNull();
    expect(bindingOf([buildClaim()], [])?.workload).toBeNull();
  });

  it('rewrites only volumes whose binding changed', () => {
    const bound = buildVolume({ id: 'pvc-1' });
    const lookup = {
      volume: (id: string) => (id === 'pvc-1' ? bound : undefined),
      claimsOf: () => [buildClaim()],
      podsOf: () => [buildPod()],
    };
    const [rebound] = rebindVolumes(['pvc-1', 'pvc-1', 'gone'], lookup);
    expect(rebound?.binding?.claim).toBe('data-cassandra-0');
    expect(rebindVolumes(['pvc-1'], { ...lookup, volume: () => rebound })).toEqual([]);
  });
});
