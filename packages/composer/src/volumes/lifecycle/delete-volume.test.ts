import { describe, expect, it } from 'vitest';
import { controllerPublish } from './controller-publish.js';
import { deleteVolume } from './delete-volume.js';
import { fixture, testContext } from './testing/fixtures.js';

const context = testContext('2026-11-22T04:00:00.000Z');

describe('deleteVolume', () => {
  it('deletes a volume with reclaim policy Delete: its storage returns', () => {
    const { volume } = fixture();
    const result = deleteVolume(volume, context);
    expect(result).toMatchObject({ ok: true, value: { action: 'delete', volume } });
    expect(result.ok && result.value.events).toMatchObject([
      { type: 'VolumeDeleted', message: expect.stringMatching(/reclaim policy Delete.*2 members return/) },
    ]);
  });

  it('releases a Retain volume, keeping its storage, and a second delete does nothing', () => {
    const { volume } = fixture({ request: { reclaimPolicy: 'Retain' } });
    const result = deleteVolume(volume, context);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.action).toBe('release');
    expect(result.value.volume).toMatchObject({ lifecycle: 'Released', members: volume.members });
    expect(result.value.events).toMatchObject([{ type: 'VolumeReleased' }]);
    expect(deleteVolume(result.value.volume, context)).toEqual({
      ok: true,
      value: { action: 'none', volume: result.value.volume, events: [] },
    });
  });

  it('purges a Released volume on request, and refuses purge on one that is not Released', () => {
    const { volume } = fixture({ request: { reclaimPolicy: 'Retain' } });
    expect(deleteVolume(volume, context, { purge: true })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', field: 'purge' },
    });
    const released = deleteVolume(volume, context);
    if (!released.ok) throw new Error(released.error.message);
    const purged = deleteVolume(released.value.volume, context, { purge: true });
    expect(purged).toMatchObject({
      ok: true,
      value: { action: 'delete', events: [{ type: 'VolumeDeleted' }] },
    });
  });

  it('refuses while published', () => {
    const { volume, server, site } = fixture();
    const published = controllerPublish(volume, server, site, context);
    if (!published.ok) throw new Error(published.error.message);
    expect(deleteVolume(published.value.volume, context)).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringMatching(/unpublish it first/) },
    });
  });
});
