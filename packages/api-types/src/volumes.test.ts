import { describe, expect, it } from 'vitest';
import { VolumeRequestSchema } from './volumes.js';

const request = (capacityBytes: unknown, parameters: Record<string, unknown> = {}) =>
  VolumeRequestSchema.safeParse({ name: 'pvc-1', capacityBytes, parameters });

describe('volume requests', () => {
  it('takes a number of bytes, or a size written as Kubernetes writes it', () => {
    expect(request(2_000_000_000_000).data?.capacityBytes).toBe(2e12);
    expect(request('500Gi').data?.capacityBytes).toBe(500 * 1024 ** 3);
    expect(request('2T').data?.capacityBytes).toBe(2e12);
  });

  it('never coerces other strings into numbers, and says what is allowed', () => {
    for (const text of ['0x10', ' 12', '12 ', 'twelve', '', '500 GiB', '-5']) {
      const parsed = request(text);
      expect(parsed.success, text).toBe(false);
      expect(parsed.error?.issues[0]?.message, text).toBe(
        'a whole number of bytes, or a size such as 500Gi, 2Ti or 1T',
      );
    }
  });

  it('reads StorageClass counts as Kubernetes sends them (digit strings) and nothing looser', () => {
    expect(request(1e12, { raidMaxDrives: '8' }).data?.parameters.raidMaxDrives).toBe(8);
    expect(request(1e12, { raidMaxDrives: '0x8' }).success).toBe(false);
    expect(request(1e12, { raidMaxDrives: '8.0' }).success).toBe(false);
  });
});
