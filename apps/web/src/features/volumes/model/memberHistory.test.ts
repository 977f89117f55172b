import { describe, expect, it } from 'vitest';
import { buildMember, buildVolume } from '../../../shared/testing/buildVolume';
import { memberHistoryRows } from './memberHistory';

const now = Date.parse('2026-12-03T14:00:00.000Z');

describe('memberHistoryRows', () => {
  it('names the failed drive, its replacement with the rebuild’s progress, newest first', () => {
    const volume = buildVolume({
      health: 'rebuilding',
      members: [
        buildMember({ driveId: 'd-a' }),
        buildMember({
          driveId: 'd-new',
          copy: 1,
          state: 'rebuilding',
          rebuild: { progress: 0.43, startedAt: '2026-12-03T13:50:00.000Z', eta: '2026-12-03T14:12:00.000Z' },
        }),
      ],
      memberHistory: [
        { at: '2026-12-03T13:49:00.000Z', kind: 'failed', set: 0, copy: 1, driveId: 'd-old' },
        {
          at: '2026-12-03T13:50:00.000Z',
          kind: 'replacing',
          set: 0,
          copy: 1,
          driveId: 'd-old',
          replacementDriveId: 'd-new',
        },
      ],
    });
    const rows = memberHistoryRows(volume, now);
    expect(rows.map((r) => r.kind)).toEqual(['replacing', 'failed']);
    expect(rows[0]?.text).toBe(
      'rebuilding from the other copy onto drive d-new: 43% · ETA 14:12 UTC (in 12 min)',
    );
    expect(rows[1]?.text).toBe('drive d-old failed; the copy on it is lost');
    expect(rows[1]?.place).toBe('set 0, copy 1');
  });

  it('is empty for a volume nothing happened to', () => {
    expect(memberHistoryRows(buildVolume(), now)).toEqual([]);
  });
});
