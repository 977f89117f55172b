import { describe, expect, it } from 'vitest';
import { otherTheme, parseTheme } from './theme';

describe('theme', () => {
  it('defaults to dark for missing or unknown values', () => {
    expect(parseTheme(null)).toBe('dark');
    expect(parseTheme('solarized')).toBe('dark');
    expect(parseTheme('light')).toBe('light');
  });

  it('toggles between the two themes', () => {
    expect(otherTheme('dark')).toBe('light');
    expect(otherTheme('light')).toBe('dark');
  });
});
