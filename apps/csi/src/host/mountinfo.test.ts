import { describe, expect, it } from 'vitest';
import { parseMountInfo } from './mountinfo.js';

describe('parseMountInfo', () => {
  it('reads mount points (octal escapes decoded) and each mount’s own read-only flag', () => {
    const text = [
      '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard',
      '45 27 254:0 /tmp/a /tmp/my\\040dir/b ro,relatime shared:12 - ext4 /dev/vda rw,discard',
      '',
    ].join('\n');
    expect(parseMountInfo(text)).toEqual([
      { mountPoint: '/', readonly: false },
      { mountPoint: '/tmp/my dir/b', readonly: true },
    ]);
  });
});
