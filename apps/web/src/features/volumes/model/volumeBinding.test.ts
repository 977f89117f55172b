import { volumeMatchesText } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildVolume } from '../../../shared/testing/buildVolume';
import { sortVolumes } from './sortVolumes';
import { claimLabel, claimPath, claimTitle } from './volumeBinding';

const binding = {
  cluster: 'lab',
  namespace: 'cassandra',
  claim: 'data-cassandra-0',
  workload: 'StatefulSet/cassandra',
  pods: ['cassandra-0'],
};

describe('a volume named by who uses it', () => {
  it('links, labels and titles the PVC and workload', () => {
    const volume = buildVolume({ name: 'pvc-01188d75', binding });
    expect(claimPath(binding)).toBe('/workloads/claims/lab/cassandra/data-cassandra-0');
    expect(claimLabel(volume)).toBe('cassandra/data-cassandra-0 (StatefulSet/cassandra)');
    expect(claimTitle(volume)).toBe(
      'PVC cassandra/data-cassandra-0 in cluster lab, StatefulSet/cassandra (pods cassandra-0)',
    );
    expect(claimLabel(buildVolume())).toBeNull();
  });

  it('is found by its PVC, workload or pod, and sorts by them', () => {
    const a = buildVolume({ name: 'pvc-a', binding: { ...binding, claim: 'zeta' } });
    const b = buildVolume({ name: 'pvc-b', binding });
    for (const text of ['cassandra/data', 'statefulset/CASSANDRA', 'cassandra-0', 'pvc-b'])
      expect(volumeMatchesText(b, text), text).toBe(true);
    expect(volumeMatchesText(b, 'kafka')).toBe(false);
    expect(sortVolumes([a, b], { column: 'claim', direction: 'asc' }).map((v) => v.name)).toEqual([
      'pvc-b',
      'pvc-a',
    ]);
  });
});
