/** The console's colour themes; dark is the default (control rooms and 3 a.m. pages). */
export type Theme = 'dark' | 'light';

export const THEME_STORAGE_KEY = 'drivebay.theme';

/** The theme a stored value asks for; anything unknown means dark. */
export function parseTheme(value: string | null | undefined): Theme {
  return value === 'light' ? 'light' : 'dark';
}

/** The theme a toggle switches to. */
export function otherTheme(theme: Theme): Theme {
  return theme === 'dark' ? 'light' : 'dark';
}

/** What the theme button does in `theme`: "Switch to light theme" while dark, and the reverse. */
export function themeSwitchLabel(theme: Theme): string {
  return `Switch to ${otherTheme(theme)} theme`;
}
