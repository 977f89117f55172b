import { describe, expect, it } from 'vitest';
import { rowLabel, rowLetters } from './rowLabel';

describe('rowLabel', () => {
  it('letters rows from A, as rack names do', () => {
    expect(rowLabel(0)).toBe('Row A');
    expect(rowLabel(1)).toBe('Row B');
    expect(rowLabel(25)).toBe('Row Z');
  });

  it('goes on to two and three letters after Z', () => {
    expect(rowLetters(26)).toBe('AA');
    expect(rowLetters(27)).toBe('AB');
    expect(rowLetters(51)).toBe('AZ');
    expect(rowLetters(52)).toBe('BA');
    expect(rowLetters(701)).toBe('ZZ');
    expect(rowLetters(702)).toBe('AAA');
  });

  it('gives every row a different label', () => {
    const labels = new Set(Array.from({ length: 2000 }, (_, row) => rowLabel(row)));
    expect(labels.size).toBe(2000);
  });

  it('falls back to the number for a row that is not a non-negative integer', () => {
    expect(rowLabel(-1)).toBe('Row -1');
    expect(rowLabel(1.5)).toBe('Row 1.5');
  });
});
