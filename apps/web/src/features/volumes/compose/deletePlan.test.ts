import { describe, expect, it } from 'vitest';
import { buildVolume } from '../../../shared/testing/buildVolume';
import { deletePlan } from './deletePlan';

describe('deletePlan', () => {
  it('refuses a published volume and says what to do', () => {
    const plan = deletePlan(buildVolume({ lifecycle: 'NodePublished', server: 'srv-1' }));
    expect(plan.kind).toBe('blocked');
    expect(plan.text).toContain('unpublish it first');
  });

  it('removes a volume with reclaim policy Delete', () => {
    expect(deletePlan(buildVolume({ lifecycle: 'Created' }))).toMatchObject({ kind: 'remove', purge: false });
  });

  it('releases a Retain volume, then purges it', () => {
    const retained = buildVolume({ lifecycle: 'Created' });
    const retain = { ...retained, request: { ...retained.request, reclaimPolicy: 'Retain' as const } };
    expect(deletePlan(retain).kind).toBe('release');
    expect(deletePlan({ ...retain, lifecycle: 'Released' })).toMatchObject({ kind: 'remove', purge: true });
  });
});
