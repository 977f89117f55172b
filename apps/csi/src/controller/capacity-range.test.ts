import { describe, expect, it } from 'vitest';
import { DEFAULT_VOLUME_BYTES, readCapacityRange } from './capacity-range.js';
import { readToken, tokenAfter } from './list-token.js';

describe('capacity_range', () => {
  it('reads int64 strings exactly and defaults an empty range', () => {
    expect(readCapacityRange({ required_bytes: '21474836480', limit_bytes: '0' }, 'r')).toEqual({
      requiredBytes: 21_474_836_480,
      limitBytes: undefined,
    });
    expect(readCapacityRange(null, 'r')).toEqual({
      requiredBytes: DEFAULT_VOLUME_BYTES,
      limitBytes: undefined,
    });
    expect(readCapacityRange({ required_bytes: '0', limit_bytes: '1000' }, 'r')).toEqual({
      requiredBytes: 1000,
      limitBytes: 1000,
    });
  });

  it('refuses negative, inverted and larger-than-2^53 values with the field named', () => {
    expect(() => readCapacityRange({ required_bytes: '-1', limit_bytes: '0' }, 'r')).toThrow(
      'r.required_bytes must not be negative',
    );
    expect(() => readCapacityRange({ required_bytes: '10', limit_bytes: '5' }, 'r')).toThrow(
      /larger than limit_bytes/,
    );
    expect(() => readCapacityRange({ required_bytes: '9007199254740993', limit_bytes: '0' }, 'r')).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
  });
});

describe('ListVolumes tokens', () => {
  it('round-trips a name and refuses a token the plugin never gave', () => {
    expect(readToken(tokenAfter('pvc-1'))).toBe('pvc-1');
    expect(readToken('')).toBeUndefined();
    expect(() => readToken('42')).toThrow(expect.objectContaining({ code: 'ABORTED' }));
    expect(() => readToken('after:')).toThrow(expect.objectContaining({ code: 'ABORTED' }));
  });
});
