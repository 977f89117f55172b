import { VolumeSchema } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { createVolume } from './create-volume.js';
import { buildRequest, fixture, T0, testContext } from './testing/fixtures.js';

describe('createVolume', () => {
  it('builds a Created, healthy volume with its own logical node and active members', () => {
    const { plan } = fixture();
    const request = buildRequest({ name: 'pvc-abc', cluster: 'prod' });
    const { volume, events } = createVolume(request, plan, { ...testContext(), encryptionKeyId: null });
    expect(VolumeSchema.parse(volume)).toEqual(volume);
    expect(volume).toMatchObject({
      id: 'pvc-abc',
      name: 'pvc-abc',
      cluster: 'prod',
      logicalNode: 'ln-pvc-abc',
      lifecycle: 'Created',
      health: 'healthy',
      layout: 'raid1',
      server: null,
      transport: null,
      stagingPath: null,
      targetPaths: [],
      encryptionKeyId: null,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(volume.members.map((m) => m.state)).toEqual(['active', 'active']);
    expect(events).toEqual([
      {
        id: expect.any(String),
        type: 'VolumeCreated',
        severity: 'info',
        at: T0,
        actor: 'user:test',
        subject: { kind: 'volume', id: 'pvc-abc' },
        message: 'Volume pvc-abc created: raid1, 12 TB, 2 hdd members, logical node ln-pvc-abc',
      },
    ]);
  });

  it('records only the key id of an encrypted volume and says it is encrypted', () => {
    const { plan } = fixture({ slice: true, copies: 1 });
    const request = buildRequest({ parameters: { type: 'slice', encrypt: true } });
    const { volume, events } = createVolume(request, plan, { ...testContext(), encryptionKeyId: 'key-1' });
    expect(volume.encryptionKeyId).toBe('key-1');
    expect(events[0]?.message).toBe(
      'Volume pvc-test created: single, 10 GiB, 1 ssd slice member, encrypted, logical node ln-pvc-test',
    );
  });

  it('refuses a key id that contradicts the request, and an empty plan', () => {
    const { plan, request } = fixture();
    expect(() => createVolume(request, plan, { ...testContext(), encryptionKeyId: 'key-1' })).toThrow(
      /encrypt/,
    );
    expect(() =>
      createVolume(request, { ...plan, members: [] }, { ...testContext(), encryptionKeyId: null }),
    ).toThrow(/no members/);
  });
});
