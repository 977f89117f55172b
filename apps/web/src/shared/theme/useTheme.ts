import { useSyncExternalStore } from 'react';
import type { Theme } from './theme';
import { getTheme, subscribeTheme } from './themeStore';

/** The theme in use; re-renders when it changes. */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribeTheme, getTheme);
}
