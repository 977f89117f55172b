import { describe, expect, it } from 'vitest';
import { isAffected, volumeImpact } from './impact.js';
import { driveHealthRank, volumeHealthRank, worstVolumeHealth } from './order.js';

describe('the health model', () => {
  it('orders volume and drive health worst first, no volume last', () => {
    expect(
      ['healthy', 'failed', 'rebuilding', 'degraded'].sort(
        (a, b) => volumeHealthRank(a as never) - volumeHealthRank(b as never),
      ),
    ).toEqual(['failed', 'degraded', 'rebuilding', 'healthy']);
    expect(volumeHealthRank(null)).toBeGreaterThan(volumeHealthRank('healthy'));
    expect(driveHealthRank('failed')).toBeLessThan(driveHealthRank('offline'));
    expect(driveHealthRank('offline')).toBeLessThan(driveHealthRank('degraded'));
  });

  it('takes the worst of several, ignoring unknown volumes', () => {
    expect(worstVolumeHealth(['healthy', 'rebuilding', undefined, 'degraded'])).toBe('degraded');
    expect(worstVolumeHealth([undefined, null])).toBeNull();
  });

  it('says what each health means for the data, and which are affected', () => {
    expect(volumeImpact('failed')).toBe('availability');
    expect(volumeImpact('degraded')).toBe('redundancy');
    expect(volumeImpact('rebuilding')).toBe('rebuilding');
    expect(volumeImpact('healthy')).toBe('none');
    expect([isAffected('rebuilding'), isAffected('healthy'), isAffected(null)]).toEqual([true, false, false]);
  });
});
