import { describe, expect, it } from 'vitest';
import { parseSize } from './parseSize';

const bytes = (text: string) => {
  const result = parseSize(text);
  return result.ok ? result.bytes : result.message;
};

describe('parseSize', () => {
  it('reads decimal units as vendors count', () => {
    expect(bytes('2 TB')).toBe(2e12);
    expect(bytes('500GB')).toBe(500e9);
    expect(bytes('1.5 tb')).toBe(1.5e12);
    expect(bytes('750 MB')).toBe(750e6);
  });

  it('reads binary units and Kubernetes suffixes', () => {
    expect(bytes('500 GiB')).toBe(500 * 2 ** 30);
    expect(bytes('100Gi')).toBe(100 * 2 ** 30);
    expect(bytes('2 TiB')).toBe(2 * 2 ** 40);
    expect(bytes('10G')).toBe(10e9);
  });

  it('rounds a fraction of a byte up', () => {
    expect(bytes('1.0000000001 B')).toBe(2);
    expect(bytes('.5 KiB')).toBe(512);
  });

  it('wants a unit, and says which ones', () => {
    expect(bytes('500')).toBe('needs a unit: 500 GB? 500 GiB? 500 TB?');
    expect(bytes('5 bananas')).toMatch(/^unknown unit “bananas”/);
  });

  it('refuses empty, zero, negative, malformed and absurd sizes', () => {
    expect(bytes('')).toMatch(/^is required/);
    expect(bytes('0 GB')).toBe('must be more than 0');
    expect(bytes('-1 GB')).toMatch(/number and a unit/);
    expect(bytes('1,5 TB')).toMatch(/number and a unit/);
    expect(bytes('99999999 PiB')).toBe('is too large');
  });
});
