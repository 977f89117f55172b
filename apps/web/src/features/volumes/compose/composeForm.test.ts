import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/apiError';
import { composeFieldErrors, DEFAULT_COMPOSE_FORM, toVolumeRequest } from './composeForm';

const form = (patch: Partial<typeof DEFAULT_COMPOSE_FORM>) => ({ ...DEFAULT_COMPOSE_FORM, ...patch });

describe('toVolumeRequest', () => {
  it('builds a request with the size in bytes and the StorageClass defaults', () => {
    const result = toVolumeRequest(form({ name: ' pvc-demo-1 ', size: '2 TB', redundancy: true }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request).toMatchObject({
      name: 'pvc-demo-1',
      capacityBytes: 2e12,
      reclaimPolicy: 'Delete',
      cluster: 'default',
      parameters: { type: 'hdd', redundancy: true, raidMaxDrives: 16, sgResiliency: true, requiredTags: [] },
    });
  });

  it('splits tag and storage-group lists', () => {
    const result = toVolumeRequest(
      form({ name: 'v', size: '100 GiB', type: 'slice', requiredTags: 'fast, nvme,', storageGroup: 'sg-a' }),
    );
    expect(result.ok && result.request.parameters).toMatchObject({
      type: 'slice',
      requiredTags: ['fast', 'nvme'],
      storageGroup: ['sg-a'],
    });
  });

  it('names every field that is wrong, by its request path', () => {
    const result = toVolumeRequest(
      form({ name: 'Bad Name', size: '500', raidMaxDrives: '1', requiredTags: 'ok,b a d' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.capacityBytes).toBe('needs a unit: 500 GB? 500 GiB? 500 TB?');
    expect(Object.keys(result.errors).sort()).toEqual([
      'capacityBytes',
      'name',
      'parameters.raidMaxDrives',
      'parameters.requiredTags',
    ]);
    expect(result.errors['parameters.requiredTags']).toMatch(/\(item 2\)$/);
  });
});

describe('composeFieldErrors', () => {
  it('puts the server error beside the field it blames', () => {
    const error = new ApiError('INVALID_ARGUMENT', 'body.parameters.requiredTags.1: letters, digits', {
      field: 'body.parameters.requiredTags.1',
    });
    expect(composeFieldErrors(error)).toEqual({ 'parameters.requiredTags': 'letters, digits' });
  });

  it('leaves errors about no known field to the form as a whole', () => {
    expect(composeFieldErrors(new ApiError('RESOURCE_EXHAUSTED', 'no drives'))).toEqual({});
    expect(composeFieldErrors(new ApiError('INVALID_ARGUMENT', 'x', { field: 'body.volumeMode' }))).toEqual(
      {},
    );
  });
});
