import { otherTheme } from '../theme/theme';
import { setTheme } from '../theme/themeStore';
import { useTheme } from '../theme/useTheme';

/** Switches between the dark and light themes; the choice is remembered. */
export function ThemeToggle() {
  const theme = useTheme();
  const next = otherTheme(theme);
  const handleClick = () => setTheme(next);
  return (
    <button type="button" className="theme-toggle" onClick={handleClick} aria-pressed={theme === 'light'}>
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span> Light theme
    </button>
  );
}
