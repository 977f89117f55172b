import { describe, expect, it } from 'vitest';
import { describeRebuild } from './describeRebuild';

describe('describeRebuild', () => {
  it('describes a rebuild with its ETA', () => {
    const now = Date.parse('2025-06-01T14:20:00Z');
    const rebuild = { progress: 0.436, eta: '2025-06-01T14:32:00Z' };
    expect(describeRebuild(rebuild, now, true)).toBe('43% · ETA 14:32 UTC (in 12 min)');
    expect(describeRebuild(rebuild, Date.parse('2025-06-01T14:40:00Z'), true)).toBe(
      '43% · ETA 14:32 UTC (finishing)',
    );
    expect(describeRebuild(rebuild, now, false)).toBe('43% copied; rebuild stopped, the copy is partial');
  });
});
