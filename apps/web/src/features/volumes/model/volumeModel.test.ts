import { describe, expect, it } from 'vitest';
import { buildMember, buildVolume } from '../../../shared/testing/buildVolume';
import { describeVolume, encryptionLabel, healthSentence } from './describeVolume';
import { layoutSummary, membersBySet, setsAtRisk } from './membersBySet';
import { countByHealth, healthSummaryLine } from './volumeSummary';

const raid10 = buildVolume({
  name: 'pvc-r10',
  layout: 'raid10',
  members: [
    buildMember({ driveId: 'd3', set: 1, copy: 1, enclosureId: 'enc-2', storageGroup: 'sg-b' }),
    buildMember({ driveId: 'd0', set: 0, copy: 0, enclosureId: 'enc-1', storageGroup: 'sg-a' }),
    buildMember({
      driveId: 'd1',
      set: 0,
      copy: 1,
      enclosureId: 'enc-1',
      storageGroup: 'sg-a',
      state: 'failed',
    }),
    buildMember({
      driveId: 'd2',
      set: 1,
      copy: 0,
      enclosureId: 'enc-3',
      storageGroup: 'sg-b',
      state: 'rebuilding',
      rebuild: { progress: 0.5, startedAt: '2025-06-01T10:00:00Z', eta: '2025-06-01T11:00:00Z' },
    }),
    buildMember({
      driveId: 'd4',
      set: 2,
      copy: 0,
      enclosureId: 'enc-1',
      storageGroup: 'sg-a',
      state: 'failed',
    }),
    buildMember({
      driveId: 'd5',
      set: 2,
      copy: 1,
      enclosureId: 'enc-4',
      storageGroup: 'sg-c',
      state: 'failed',
    }),
  ],
});

describe('membersBySet', () => {
  const sets = membersBySet(raid10);

  it('groups members by set, sets and copies in order', () => {
    expect(sets.map((s) => s.set)).toEqual([0, 1, 2]);
    expect(sets.map((s) => s.copies.map((c) => c.driveId))).toEqual([
      ['d0', 'd1'],
      ['d2', 'd3'],
      ['d4', 'd5'],
    ]);
  });

  it('derives each set’s state', () => {
    expect(sets.map((s) => s.state)).toEqual(['degraded', 'rebuilding', 'lost']);
  });

  it('warns when both copies share an enclosure (not repeating the storage group)', () => {
    expect(sets[0]?.warnings).toEqual([
      {
        kind: 'shared-enclosure',
        domain: 'enc-1',
        text: 'Both copies are in enclosure enc-1 (storage group sg-a): one enclosure failure takes out this mirror.',
      },
    ]);
  });

  it('warns when both copies share only a storage group', () => {
    expect(sets[1]?.warnings.map((w) => [w.kind, w.domain])).toEqual([['shared-storage-group', 'sg-b']]);
    expect(sets[2]?.warnings).toEqual([]);
    expect(setsAtRisk(sets)).toBe(2);
  });

  it('summarises the layout', () => {
    expect(layoutSummary(raid10, sets)).toBe('RAID10: 3 mirror sets × 2 copies, striped');
    const single = buildVolume({ members: [buildMember({ slice: { offsetGiB: 0, sizeGiB: 10 } })] });
    expect(layoutSummary(single, membersBySet(single))).toBe('Single: 1 SSD slice');
    const raid1 = buildVolume({ layout: 'raid1', members: [buildMember(), buildMember({ copy: 1 })] });
    expect(layoutSummary(raid1, membersBySet(raid1))).toBe('RAID1: 2 copies of each drive');
  });

  it('gives a single member no warnings and a failed one a lost set', () => {
    const [only] = membersBySet(buildVolume({ members: [buildMember({ state: 'failed' })] }));
    expect(only).toMatchObject({ state: 'lost', warnings: [] });
  });
});

describe('volume facts', () => {
  it('shows only the encryption key id', () => {
    expect(encryptionLabel(buildVolume({ encryptionKeyId: 'kid-7f3a' }))).toBe('encrypted (key kid-7f3a)');
    expect(encryptionLabel(buildVolume())).toBe('not encrypted');
  });

  it('describes the volume', () => {
    const rows = Object.fromEntries(
      describeVolume(buildVolume({ server: null, transport: null, stagingPath: null, targetPaths: [] })).map(
        (r) => [r.label, r.value],
      ),
    );
    expect(rows).toMatchObject({
      Lifecycle: 'NodePublished',
      Server: 'not published to a server',
      Transport: 'none yet',
      Capacity: '12.0 TB (requested 100.0 GB)',
      Layout: 'Single · HDD',
      'Reclaim policy': 'Delete',
      Encryption: 'not encrypted',
      'Target paths': 'not mounted',
      Updated: '2025-06-01 10:00:00 UTC',
    });
  });
});

describe('healthSentence', () => {
  it('says what the health means for the data', () => {
    expect(healthSentence(buildVolume())).toBe('Its only copy is active.');
    expect(healthSentence({ ...raid10, health: 'healthy' })).toBe('All 6 copies are active.');
    expect(healthSentence({ ...raid10, health: 'failed' })).toBe(
      'Data unavailable: at least one mirror set has no active copy (3 copies failed).',
    );
    expect(healthSentence({ ...raid10, health: 'rebuilding' })).toBe(
      '1 copy rebuilding (3 more failed): until it completes, its mirror set has no redundancy. The data is still available.',
    );
    const degraded = buildVolume({
      health: 'degraded',
      members: [buildMember(), buildMember({ copy: 1, state: 'failed' })],
    });
    expect(healthSentence(degraded)).toBe(
      '1 copy failed and is not being rebuilt: its mirror set has no redundancy left. The data is still available.',
    );
  });
});

describe('health summary', () => {
  it('counts by health and writes the line, worst first', () => {
    const counts = countByHealth([
      buildVolume({ name: 'a' }),
      buildVolume({ name: 'b', health: 'degraded' }),
      buildVolume({ name: 'c' }),
    ]);
    expect(counts).toEqual({ total: 3, byHealth: { healthy: 2, degraded: 1, rebuilding: 0, failed: 0 } });
    expect(healthSummaryLine(counts, false)).toBe('3 volumes: 0 failed, 1 degraded, 0 rebuilding, 2 healthy');
    expect(healthSummaryLine(countByHealth([buildVolume()]), true)).toBe(
      '1 volume matches: 0 failed, 0 degraded, 0 rebuilding, 1 healthy',
    );
  });
});
