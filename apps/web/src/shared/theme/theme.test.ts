import { describe, expect, it } from 'vitest';
import { otherTheme, parseTheme, themeSwitchLabel } from './theme';

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

  it('names the button by what it does, never by the theme it is in', () => {
    expect(themeSwitchLabel('dark')).toBe('Switch to light theme');
    expect(themeSwitchLabel('light')).toBe('Switch to dark theme');
  });
});
