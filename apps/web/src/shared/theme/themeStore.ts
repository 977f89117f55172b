import { parseTheme, THEME_STORAGE_KEY, type Theme } from './theme';

const listeners = new Set<() => void>();
let current: Theme = parseTheme(readStored());
applyToDocument(current);

/** The theme in use. */
export function getTheme(): Theme {
  return current;
}

/** Switches theme, remembers it, and applies it to <html data-theme> before React re-renders. */
export function setTheme(theme: Theme): void {
  current = theme;
  applyToDocument(theme);
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage may be disabled (private mode); the theme still applies for this visit.
  }
  for (const listener of listeners) listener();
}

/** Subscribes to theme changes (for useSyncExternalStore). */
export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readStored(): string | null {
  try {
    return localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    return null;
  }
}

function applyToDocument(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}
